// stringio.h — io.StringIO, the in-memory text stream (stringio.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type stringio_type;
void init_stringio_type();

}  // namespace minipy
