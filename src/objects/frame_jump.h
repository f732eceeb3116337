// frame_jump.h — setting f_lineno from a trace function: a debugger's "jump to line". Which
// instructions a frame may jump to is decided from what its value stack holds at each instruction
// (CPython 3.11's mark_stacks); the interpreter loop makes the jump once the trace function returns.
#pragma once

#include <cstddef>

#include "objects/frame.h"
#include "objects/frame_object.h"
#include "runtime/thread_state.h"

namespace minipy {

// `frame.f_lineno = value`: checks that the frame may jump to that line now (a 'line' event, or
// the 'return' event of a yield, of the frame's own trace function) and picks the instruction to
// jump to, recorded in fo->jump_to; raises ValueError with CPython's message when it may not.
void request_frame_jump(FrameObject* fo, Object* value);
// Makes the jump fo->jump_to asked for in `f`: pops the values the target's stack does not have
// (an except block left gives its saved exception back to the thread, as POP_EXCEPT does; with
// `keep_top`, the value a yield hands out stays on top) and returns the target's index.
size_t perform_frame_jump(ThreadState* ts, Frame* f, FrameObject* fo, bool keep_top);

}  // namespace minipy
