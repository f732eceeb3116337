// gil.h — the global interpreter lock, designed like CPython's since 3.2 (Python/ceval_gil.c): a thread
// that wants the GIL waits one switch interval, then asks the holder to drop it; the holder honours the
// request at its next eval-breaker check, and waits until another thread has taken the GIL, so a
// spinning thread cannot take it straight back ("forced switching").
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace minipy {

class EvalBreaker;

// Per-thread counters behind `--gil-stats`.
struct GilStats {
    uint64_t acquisitions = 0;
    uint64_t drop_requests = 0;    // times this thread, tired of waiting, asked the holder to let go
    uint64_t forced_switches = 0;  // times this thread let go because another asked
    int64_t wait_ns = 0;           // time spent waiting for the GIL
    int64_t hold_ns = 0;           // time spent holding it
    std::chrono::steady_clock::time_point held_since;
};

class Gil {
public:
    // Blocks until this thread holds the GIL.
    void acquire(GilStats& stats);
    // Lets go of the GIL (around a blocking call, or at thread exit).
    void release(GilStats& stats);
    // At an eval-breaker check: if another thread asked for the GIL, hand it over and take it back
    // once the other thread has had its turn. Returns true if a switch happened.
    bool yield_if_requested(GilStats& stats);

    bool drop_requested() const { return drop_request_.load(std::memory_order_relaxed); }
    // The flag the interpreter loop polls; set together with the drop request.
    const std::atomic<bool>& drop_request_flag() const { return drop_request_; }

    // The interpreter loop's eval breaker: raised together with each drop request, so the holder
    // notices the request at its next check without polling a second flag.
    void set_eval_breaker(EvalBreaker* flag) { eval_breaker_ = flag; }

    void set_switch_interval(double seconds);
    double switch_interval() const;

private:
    std::mutex mutex_;
    std::condition_variable cond_;         // signalled when the GIL is released
    std::condition_variable switch_cond_;  // signalled when a waiter has taken it
    bool locked_ = false;
    uint64_t switch_number_ = 0;  // bumped at every acquisition
    int waiting_ = 0;             // threads waiting for it, counted only for `--gil-trace`
    std::atomic<bool> drop_request_{false};
    std::atomic<int64_t> interval_us_{5000};  // CPython's default: 5 ms
    EvalBreaker* eval_breaker_ = nullptr;
};

}  // namespace minipy
