// memoryview.h — the memoryview type over bytes and bytearray.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type memoryview_type;
void init_memoryview_type();
// The bytes or bytearray `view` (a memoryview) shows; raises ValueError once it is released.
Object* memoryview_target(Object* view);

}  // namespace minipy
