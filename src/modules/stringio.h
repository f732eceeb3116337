// stringio.h — io.StringIO and io.BytesIO, the in-memory text and binary streams (stringio.cpp,
// bytesio.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type stringio_type;
void init_stringio_type();
extern Type bytesio_type;
void init_bytesio_type();

}  // namespace minipy
