// signals.h — CPython's PyErr_CheckSignals for native modules (defined in signal_module.cpp): what
// a blocking call does when a signal interrupts it (EINTR) before it retries, as PEP 475 asks.
#pragma once

namespace minipy {

// On the main thread: raises a pending KeyboardInterrupt, then runs the Python handlers of the
// pending signals (an exception one raises propagates). Elsewhere it does nothing.
void check_signals();

}  // namespace minipy
