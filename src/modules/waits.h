// waits.h — the blocking wait that _thread's locks and _queue.SimpleQueue.get share: on a condition
// variable, without the GIL, and cut short by Ctrl-C on the main thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "modules/signals.h"
#include "objects/eval_breaker.h"
#include "runtime/thread_state.h"

namespace minipy {

// Waits until ready() holds (it is called with `mutex` held), runs take() under the mutex and
// returns true; returns false once `timeout` seconds have passed (timeout < 0: no limit). The GIL is
// let go meanwhile (`reason` names the wait in the GIL timeline). On the main thread the wait goes in
// 20 ms slices, so a Ctrl-C ends it with KeyboardInterrupt and other signals' Python handlers run
// (test_threadsignals' SIGALRM handler raising in lock.acquire), as CPython's lock waits do.
template <typename Ready, typename Take>
bool wait_interruptibly(std::mutex& mutex, std::condition_variable& cv, double timeout, BlockReason reason,
                        Ready ready, Take take) {
    using Clock = std::chrono::steady_clock;
    Clock::time_point deadline = timeout < 0 ? Clock::time_point::max()
                                             : Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                                  std::chrono::duration<double>(timeout));
    Clock::duration slice =
        is_main_thread() ? Clock::duration(std::chrono::milliseconds(20)) : Clock::duration::max();
    for (;;) {
        bool done = false, interrupted = false;
        {
            AllowThreads unblocked(reason);
            std::unique_lock<std::mutex> guard(mutex);
            if (deadline == Clock::time_point::max() && slice == Clock::duration::max()) {
                cv.wait(guard, ready);  // another thread, no timeout: nothing to check
                take();
                return true;
            }
            for (;;) {
                if (keyboard_interrupt_pending() || signals_pending()) {
                    interrupted = true;
                    break;
                }
                Clock::time_point now = Clock::now();
                if (now >= deadline) break;
                Clock::time_point until = deadline - now > slice ? now + slice : deadline;
                if (cv.wait_until(guard, until, ready)) {
                    take();
                    done = true;
                    break;
                }
            }
        }
        if (done) return true;
        if (!interrupted) return false;
        // A signal came (on the main thread): its handler runs now, with the GIL, as CPython's
        // lock waits run PyErr_CheckSignals; what it raises ends the wait, else the wait goes on.
        check_signals();
    }
}

}  // namespace minipy
