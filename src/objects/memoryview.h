// memoryview.h — the memoryview type over bytes, bytearray and registered buffers (array.array).
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

extern Type memoryview_type;
void init_memoryview_type();
// The bytes or bytearray `view` (a memoryview) shows; raises ValueError once it is released.
Object* memoryview_target(Object* view);
// The bytes of the items the view shows, in order (bytes(view), view.tobytes()).
std::string memoryview_bytes(Object* view);

// pickle.PickleBuffer: protocol 5's wrapper of a bytes-like object (PEP 574), exported by the
// native _picklebuffer module for stdlib/_pickle.py. memoryview(b) of one views what it wraps.
extern Type picklebuffer_type;
void init_picklebuffer_type();  // after init_memoryview_type

}  // namespace minipy
