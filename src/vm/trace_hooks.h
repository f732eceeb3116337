// trace_hooks.h — sys.settrace and sys.setprofile: the events the interpreter loop reports to a
// thread's trace and profile functions, as CPython 3.11 does: 'call' when a frame starts (or a
// generator resumes), 'line' when it reaches a new line or jumps back, 'opcode' per instruction when
// the frame asks, 'return' before it returns or yields, 'exception' as an exception passes through.
// While either function is set, the loop runs every instruction through trace_before_instruction
// (the dispatch table `--trace` uses); otherwise nothing here costs anything.
#pragma once

#include <cstddef>

#include "objects/frame.h"
#include "runtime/thread_state.h"

namespace minipy {

inline bool trace_hooks_set(const ThreadState* ts) { return ts->trace_func || ts->profile_func; }

// sys.settrace(fn) / sys.setprofile(fn) for the calling thread (None or null: off). The frames
// running now get no 'call' event, as in CPython: tracing starts with the next frame entered.
void set_trace_function(ThreadState* ts, Object* fn);
void set_profile_function(ThreadState* ts, Object* fn);

// Before instruction `index` of `f` runs, with the value stack up to `sp` ('call', 'line',
// 'opcode', and 'return' before RETURN_VALUE and YIELD_VALUE). A hook that raises makes the
// instruction raise.
void trace_before_instruction(ThreadState* ts, Frame* f, size_t index, Object** sp);
// As `exc` passes through `f` at instruction `index` ('exception'), and as it leaves `f` for the
// caller ('return' with None). Each returns the exception to go on with: a hook that raises
// replaces it, as in CPython.
Ref trace_exception(ThreadState* ts, Frame* f, size_t index, Ref exc);
Ref trace_unwound(ThreadState* ts, Frame* f, size_t index, Ref exc);

}  // namespace minipy
