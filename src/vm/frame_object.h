// frame_object.h — frame and traceback objects as Python code sees them (sys._getframe(),
// exc.__traceback__): snapshots of minipy's stack frames, which are not objects themselves.
#pragma once

#include "objects/object.h"
#include "vm/frame.h"

namespace minipy {

extern Type frame_type, traceback_type;

void init_frame_types();  // at start-up; also installs exc.__traceback__
// A frame object for `f` and its callers (null when f is null).
Ref frame_object_at(Frame* f);

}  // namespace minipy
