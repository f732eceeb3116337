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

// Where a wait's take() runs: for a lock, at once, still without the GIL (taking it sets a flag,
// and a waiter that had to win the GIL first would lose the lock to a thread that releases and
// takes it again in a loop); for a queue's item, only once the GIL is back (in minipy-ft: once the
// thread is attached again), so that the item never moves while the cycle collector walks the
// objects. A get() that took its item in the middle of a collection left the collector counting
// the item as the queue's and then not finding it there, and it cleared a live object
// (tests/py/gc/026). When another thread came first, the wait goes on.
enum class TakeWhen { Woken, Attached };

// Waits until ready() holds (it is called with `mutex` held), runs take() under the mutex and
// returns true; returns false once `timeout` seconds have passed (timeout < 0: no limit). The GIL is
// let go meanwhile (`reason` names the wait in the GIL timeline). On the main thread the wait goes
// in 20 ms slices, so a Ctrl-C ends it with KeyboardInterrupt and other signals' Python handlers
// run (test_threadsignals' SIGALRM handler raising in lock.acquire), as CPython's lock waits do.
template <TakeWhen when, typename Ready, typename Take>
bool wait_interruptibly(std::mutex& mutex, std::condition_variable& cv, double timeout, BlockReason reason,
                        Ready ready, Take take) {
    using Clock = std::chrono::steady_clock;
    Clock::time_point deadline = timeout < 0 ? Clock::time_point::max()
                                             : Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                                  std::chrono::duration<double>(timeout));
    Clock::duration slice =
        is_main_thread() ? Clock::duration(std::chrono::milliseconds(20)) : Clock::duration::max();
    for (;;) {
        bool seen = false, interrupted = false;
        {
            AllowThreads unblocked(reason);
            std::unique_lock<std::mutex> guard(mutex);
            if (deadline == Clock::time_point::max() && slice == Clock::duration::max()) {
                cv.wait(guard, ready);  // another thread, no timeout: nothing to check
                seen = true;
            }
            while (!seen) {
                if (keyboard_interrupt_pending() || signals_pending()) {
                    interrupted = true;
                    break;
                }
                Clock::time_point now = Clock::now();
                if (now >= deadline) break;
                Clock::time_point until = deadline - now > slice ? now + slice : deadline;
                seen = cv.wait_until(guard, until, ready);
            }
            if (seen && when == TakeWhen::Woken) {
                take();
                return true;
            }
        }
        if (seen) {
            std::lock_guard<std::mutex> guard(mutex);
            if (ready()) {
                take();
                return true;
            }
            continue;
        }
        if (!interrupted) return false;
        // A signal came (on the main thread): its handler runs now, with the GIL, as CPython's
        // lock waits run PyErr_CheckSignals; what it raises ends the wait, else the wait goes on.
        check_signals();
    }
}

}  // namespace minipy
