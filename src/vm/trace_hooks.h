// trace_hooks.h — sys.settrace and sys.setprofile: the events the interpreter loop reports to a
// thread's trace and profile functions, as CPython 3.11 does: 'call' when a frame starts (or a
// generator resumes), 'line' when it reaches a new line or jumps back, 'opcode' per instruction when
// the frame asks, 'return' before it returns or yields, 'exception' as an exception passes through,
// and for the profile function 'c_call'/'c_return'/'c_exception' around built-in functions.
// While either function is set, the loop runs every instruction through trace_before_instruction
// (the dispatch table `--trace` uses); otherwise nothing here costs anything.
#pragma once

#include <cstddef>

#include "objects/frame.h"
#include "runtime/thread_state.h"

namespace minipy {

inline bool trace_hooks_set(const ThreadState* ts) { return ts->trace_func || ts->profile_func; }

// sys.settrace(fn) / sys.setprofile(fn) for the calling thread (None or null: off). The frames
// running now get no 'call' event, as in CPython: tracing starts with the next frame entered. The
// thread's loop switches its dispatch table at its next check (these mark the thread's hooks
// changed, runtime/thread_state.h), which comes before that next frame runs.
void set_trace_function(ThreadState* ts, Object* fn);
void set_profile_function(ThreadState* ts, Object* fn);
// CPython's PyEval_SetProfile: `fn` hears the calling thread's profile events with `profiler` as
// its first argument, and sys.getprofile() returns `profiler` meanwhile (null fn: off). `fn` must
// not raise; it runs with the thread's hooks off, as a Python profile function does.
void set_native_profile_function(ThreadState* ts, NativeProfileFn fn, Object* profiler);

// Before instruction `index` of `f` runs, with f->ip and f->sp saved ('call', 'line',
// 'opcode', and 'return' before RETURN_VALUE and YIELD_VALUE). A hook that raises makes the
// instruction raise. Returns the index of the instruction to run: another one when a hook jumped
// (set f_lineno), which moves f->ip and f->sp: the loop reloads them.
size_t trace_before_instruction(ThreadState* ts, Frame* f, size_t index);
// As `exc` passes through `f` at instruction `index` ('exception'), and as it leaves `f` for the
// caller ('return' with None). Each returns the exception to go on with: a hook that raises
// replaces it, as in CPython.
Ref trace_exception(ThreadState* ts, Frame* f, size_t index, Ref exc);
Ref trace_unwound(ThreadState* ts, Frame* f, size_t index, Ref exc);

// gen.throw() (or close()) into the suspended generator `f`: its 'call' event, which CPython
// reports before the thrown exception's 'exception' event.
void trace_throw_into(ThreadState* ts, Frame* f);
// A `yield from` or `await` at instruction `index` whose inner iterator returned `value` after
// `sent` was sent: CPython's tracing path fetches that value from a StopIteration and reports it as
// an 'exception' event (unless a plain next() of the iterator returned None, which raises nothing).
void trace_send_returned(ThreadState* ts, Frame* f, size_t index, Object* inner, Object* sent, Object* value);

// A call the loop makes at instruction `index` while sys.setprofile's function is set: for a
// built-in function (or a method descriptor called on its self) the profile function hears
// 'c_call' before and 'c_return' or 'c_exception' after, as in CPython.
Ref profiled_call(ThreadState* ts, Frame* f, size_t index, Object* callable, Object* const* args,
                  size_t nargs, Tuple* kwnames, bool is_method);
Ref profiled_call_with_star_args(ThreadState* ts, Frame* f, size_t index, Object* callable, Object* args,
                                 Object* kwargs);

}  // namespace minipy
