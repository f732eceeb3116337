// bytesio.h — io.BytesIO, the in-memory binary stream (bytesio.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type bytesio_type;
void init_bytesio_type();

}  // namespace minipy
