// gil.cpp — acquisition with a timed wait and drop request, release with forced switching.
#include "runtime/gil.h"

#include "runtime/gil_trace.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {
int64_t elapsed_ns(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - since)
        .count();
}
}  // namespace

void Gil::acquire(GilStats& stats) {
    auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    // Recorded under mutex_, so the waiting count's samples come in the order of the changes.
    bool traced = locked_ && gil_trace_on();
    if (traced) {
        gil_trace_state(TraceState::WaitingForGil);
        gil_trace_waiting(++waiting_);
    }
    while (locked_) {
        uint64_t seen = switch_number_;
        auto interval = std::chrono::microseconds(interval_us_.load(std::memory_order_relaxed));
        bool timed_out = cond_.wait_for(lock, interval) == std::cv_status::timeout;
        // Nobody took the GIL during a whole interval: ask the holder to drop it.
        if (timed_out && locked_ && switch_number_ == seen &&
            !drop_request_.load(std::memory_order_relaxed)) {
            drop_request_.store(true, std::memory_order_relaxed);
            if (eval_breaker_) eval_breaker_->raise();
            ++stats.drop_requests;
            if (traced) gil_trace_drop_request();
        }
    }
    if (traced) gil_trace_waiting(--waiting_);
    locked_ = true;
    ++switch_number_;
    drop_request_.store(false, std::memory_order_relaxed);
    switch_cond_.notify_all();
    if (gil_trace_on()) gil_trace_state(TraceState::Running);
    lock.unlock();
    ++stats.acquisitions;
    stats.wait_ns += elapsed_ns(start);
    stats.held_since = std::chrono::steady_clock::now();
}

void Gil::release(GilStats& stats) {
    stats.hold_ns += elapsed_ns(stats.held_since);
    std::lock_guard<std::mutex> lock(mutex_);
    locked_ = false;
    cond_.notify_one();
}

bool Gil::yield_if_requested(GilStats& stats) {
    if (!drop_request_.load(std::memory_order_relaxed)) return false;
    stats.hold_ns += elapsed_ns(stats.held_since);
    std::unique_lock<std::mutex> lock(mutex_);
    locked_ = false;
    cond_.notify_one();
    if (gil_trace_on()) {
        gil_trace_forced_switch();
        gil_trace_state(TraceState::WaitingForGil);
    }
    // Forced switching: wait until a waiter has actually taken the GIL before competing again.
    uint64_t seen = switch_number_;
    if (drop_request_.load(std::memory_order_relaxed)) {
        switch_cond_.wait(lock, [&] { return switch_number_ != seen; });
    }
    lock.unlock();
    ++stats.forced_switches;
    acquire(stats);
    return true;
}

void Gil::set_switch_interval(double seconds) {
    interval_us_.store(static_cast<int64_t>(seconds * 1e6), std::memory_order_relaxed);
}

double Gil::switch_interval() const { return static_cast<double>(interval_us_.load()) / 1e6; }

}  // namespace minipy
