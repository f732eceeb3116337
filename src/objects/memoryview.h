// memoryview.h — the memoryview type over bytes and bytearray.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type memoryview_type;
void init_memoryview_type();

}  // namespace minipy
