// frame_object.h — frame and traceback objects as Python code sees them (sys._getframe(),
// exc.__traceback__, tb.tb_frame). minipy's stack frames are not objects themselves: a frame object
// is a snapshot of one, and a traceback is CPython's chain of entries, one per frame the exception
// left, outermost first.
#pragma once

#include "objects/frame.h"
#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

extern Type frame_type, traceback_type;

// One entry of a traceback: where frame `code` was when the exception passed through it.
struct TracebackObject : Object {
    MINIPY_GC_ALLOCATED
    Object* next;     // owned or null: the entry one call further in (tb_next, settable)
    Object* frame;    // owned or null: tb_frame, made from code and globals when first read
    Object* code;     // owned
    Object* globals;  // owned or null
    int line;
    int lasti;  // instruction index, for the column carets
};

void init_frame_types();  // at start-up; also registers the traceback type with the exceptions
// A frame object for `f` and its callers (null when f is null).
Ref frame_object_at(Frame* f);
// Prepends the entry for frame `f`, stopped at instruction `index`, to exc.__traceback__ (CPython's
// PyTraceBack_Here), as the exception leaves or is caught in f.
void traceback_here(Object* exc, Frame* f, size_t index);

}  // namespace minipy
