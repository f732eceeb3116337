// eval_breaker.h — what the loop does when the eval breaker is set (runtime/thread_state.h's flag),
// and Ctrl-C's KeyboardInterrupt for native code that blocks.
#pragma once

#include "runtime/thread_state.h"

namespace minipy {

// Called by the loop (and long-running native code: the regex engine, iter_next) when the flag is set:
// the runtime's share (signals, a stopped world, the GIL hand-off), then a due KeyboardInterrupt
// is raised or a due cycle collection runs.
void handle_eval_breaker(ThreadState* ts);
// Raises the pending KeyboardInterrupt when called on the main thread (CPython's
// PyErr_CheckSignals); blocking calls call it once they hold the GIL again.
void check_keyboard_interrupt();

}  // namespace minipy
