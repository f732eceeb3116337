// frame.h — pushing, running and popping frames (their layout: objects/frame.h). A Python-to-Python
// call pushes one on the thread's value stack and the loop carries on, with no C++ recursion.
#pragma once

#include "objects/frame.h"
#include "runtime/thread_state.h"

namespace minipy {

// Reserves a frame for `code` at the top of the thread's value stack, locals cleared. Raises
// RecursionError past the recursion limit or the end of the value stack.
Frame* push_frame(ThreadState* ts, Code* code);
// Pushes a frame for calling `fn` (parameters still unbound).
Frame* push_function_frame(ThreadState* ts, Function* fn);
// Moves parameters that inner functions capture into cells, and copies in the closure's cells.
void init_cells(Frame* f, Function* fn);
// Runs `f` (the top frame, already set up) until it returns or, for a generator, yields; with
// `thrown`, it starts by raising that exception at its current instruction (gen.throw()).
Ref run_frame_from(ThreadState* ts, Frame* f, Ref thrown = nullptr);
// Releases the frame's locals and stack values and gives its space back (it must be the top one).
void pop_frame(ThreadState* ts, Frame* f);

}  // namespace minipy
