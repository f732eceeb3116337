// signals.h — CPython's PyErr_CheckSignals for native modules (defined in signal_module.cpp): what
// a blocking call does when a signal interrupts it (EINTR) before it retries, as PEP 475 asks.
#pragma once

#include <cstdint>

namespace minipy {

// On the main thread: raises a pending KeyboardInterrupt, then runs the Python handlers of the
// pending signals (an exception one raises propagates). Elsewhere it does nothing.
void check_signals();

// CPython's PyErr_SetInterruptEx (_thread.interrupt_main): acts as if `signum` had arrived, unless
// its handler is SIG_IGN or SIG_DFL; the main thread runs the handler (for SIGINT by default:
// KeyboardInterrupt) at its next check. ValueError for a number out of range.
void simulate_signal(int64_t signum);

}  // namespace minipy
