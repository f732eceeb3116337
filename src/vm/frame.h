// frame.h — pushing, running and popping frames (their layout: objects/frame.h). A Python-to-Python
// call pushes one on the thread's value stack and the loop carries on, with no C++ recursion.
#pragma once

#include "objects/code.h"
#include "objects/frame.h"
#include "objects/frame_object.h"
#include "objects/function.h"
#include "runtime/thread_state.h"

namespace minipy {

// Reserves a frame for `code` at the top of the thread's value stack, locals cleared. Raises
// RecursionError past the recursion limit or the end of the value stack.
Frame* push_frame(ThreadState* ts, Code* code);
// Pushes a frame for calling `fn` (parameters still unbound).
Frame* push_function_frame(ThreadState* ts, Function* fn);
// Pushes a frame for calling `fn` with exactly its positional parameters (takes_exact_positional),
// taking over the references in args[0..nargs) as their values.
Frame* push_function_frame_args(ThreadState* ts, Function* fn, Object* const* args, size_t nargs);
// Whether a call of `code` with `nargs` positional arguments and no keywords just fills its
// parameters in order: no defaults needed, no *args, **kwargs or keyword-only parameters, and a
// function's own locals (a module's code made a function, FunctionType(compile(...), g), runs in
// its globals: push_function_frame).
inline bool takes_exact_positional(const Code* code, size_t nargs) {
    return nargs == static_cast<size_t>(code->argcount) &&
           (code->flags & (kCoVarArgs | kCoVarKeywords | kCoNewLocals)) == kCoNewLocals &&
           code->kwonlyargcount == 0;
}
// Moves parameters that inner functions capture into cells, and copies in the closure's cells.
void init_cells(Frame* f, Function* fn);
// Runs `f` (the top frame, already set up) until it returns or, for a generator, yields; with
// `thrown`, it starts by raising that exception at its current instruction (gen.throw()).
Ref run_frame_from(ThreadState* ts, Frame* f, Ref thrown = nullptr);
// Releases the frame's locals and stack values and gives its space back (it must be the top one).
void pop_frame(ThreadState* ts, Frame* f);
// pop_frame's body, inlined into RETURN_VALUE: the call's register saves and restores were 13M of
// pop_frame's 78M instructions in 20 rounds of bench/pyperf/deltablue.py (callgrind).
MINIPY_ALWAYS_INLINE void pop_frame_inline(ThreadState* ts, Frame* f) {
    // First: a frame object kept by Python code copies the last locals. Most frames have none.
    if (f->frame_object) release_frame_object(f);
    Object** lp = f->localsplus();
    Object** stack_base = lp + f->code->frame_nlocalsplus();
    for (Object** p = lp; p < stack_base; ++p) xdecref(*p);
    for (Object** p = stack_base; p < f->sp; ++p) xdecref(*p);
    xdecref(f->func);
    ts->stack_top = reinterpret_cast<Object**>(f);
    --ts->depth;
}

}  // namespace minipy
