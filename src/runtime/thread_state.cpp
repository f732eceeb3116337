// thread_state.cpp — per-thread interpreter state, the recursion limit, the run-time GIL switch,
// the eval breaker's handler, and the counters behind `--gil-stats`.
#include "runtime/thread_state.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "runtime/flavor.h"
#include "runtime/format.h"

namespace minipy {

namespace {

// 4M slots (32 MiB of address space): pages are only touched as frames reach them.
constexpr size_t kValueStackSlots = size_t{1} << 22;

// Room kept free at the end of the C stack for the native code between two checks.
constexpr size_t kCStackReserve = size_t{256} << 10;

// The lowest safe address of the calling thread's C stack (stacks grow down on every platform
// minipy targets).
uintptr_t c_stack_floor() {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return reinterpret_cast<uintptr_t>(addr) + kCStackReserve;
}

Gil* g_active_gil = nullptr;
bool g_gil_stats_wanted = false;    // print them at exit
bool g_gil_stats_recorded = false;  // keep the counters of threads that ended (for the report)
std::atomic<int> g_running_threads{0};

// Stop-the-world state for runs without a GIL: how many threads run Python right now (the main
// thread from the start), whether a stop is under way, and the lock that lets one thread at a
// time stop the world.
std::atomic<int> g_attached{1};
std::atomic<bool> g_world_stopped{false};
// Set on the thread that stopped the world while it runs on (the cycle collector runs finalizers).
thread_local bool tl_stopped_world = false;
// Stops the stopper made again, nested: a finalizer the collector runs with the world stopped may
// assign __class__ or __dict__, which stop it too (objects/class.cpp).
thread_local int tl_nested_stops = 0;
std::mutex g_world_lock;
// Threads that a stop kept from attaching and that have not attached since. The next stop waits
// for them: a thread calling gc.collect() in a loop stopped the world again before the others woke,
// and they never ran again (minipy-ft, tests/py/gc/026).
std::atomic<int> g_held_back{0};

// Ctrl-C, raised as KeyboardInterrupt in the thread that runs __main__.
std::atomic<bool> g_interrupt_pending{false};
std::thread::id g_main_thread = std::this_thread::get_id();  // static init runs on the main thread

// Counters of threads that have ended, with a label each, kept for the report at exit.
struct FinishedThread {
    std::string label;
    GilStats stats;
};
std::mutex g_finished_mutex;
std::vector<FinishedThread> g_finished;
int g_threads_started = 0;  // guarded by g_finished_mutex; numbers the labels

int64_t ns_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t).count();
}

std::string stats_row(const std::string& label, const GilStats& s) {
    return format("%-12s %12llu %13llu %15llu %10.1f %10.1f\n", label.c_str(),
                  static_cast<unsigned long long>(s.acquisitions),
                  static_cast<unsigned long long>(s.drop_requests),
                  static_cast<unsigned long long>(s.forced_switches), static_cast<double>(s.wait_ns) / 1e6,
                  static_cast<double>(s.hold_ns) / 1e6);
}

}  // namespace

EvalBreaker eval_breaker;

namespace {
// Every thread's state, for for_each_thread_state.
std::mutex g_states_lock;
std::vector<ThreadState*> g_states;
}  // namespace

ThreadState::ThreadState() : stack(new Object*[kValueStackSlots]) {
    stack_top = stack.get();
    stack_end = stack_top + kValueStackSlots;
    c_stack_limit = c_stack_floor();
    ident = static_cast<uint64_t>(pthread_self());
    std::lock_guard<std::mutex> guard(g_states_lock);
    g_states.push_back(this);
}

// The handled exception is let go by whoever ends the thread, while it may still touch objects
// (the _thread module before thread_end(); the main thread's at exit goes with the process).
ThreadState::~ThreadState() {
    take_hooks_changed(this);  // a thread that ends before its loop took its mark
    std::lock_guard<std::mutex> guard(g_states_lock);
    g_states.erase(std::find(g_states.begin(), g_states.end(), this));
}

void for_each_thread_state(const std::function<void(ThreadState*)>& visit) {
    // Held throughout: a thread that ends meanwhile waits here before its state goes away.
    std::lock_guard<std::mutex> guard(g_states_lock);
    for (ThreadState* ts : g_states) visit(ts);
}

bool visit_thread_states_nonblocking(void (*visit)(ThreadState*, void*), void* arg) {
    if (!g_states_lock.try_lock()) return false;
    for (auto it = g_states.rbegin(); it != g_states.rend(); ++it) visit(*it, arg);
    g_states_lock.unlock();
    return true;
}

ThreadState* thread_state() {
    thread_local ThreadState state;
    return &state;
}

void set_recursion_limit(int limit) { g_recursion_limit.store(limit, std::memory_order_relaxed); }

namespace {

std::atomic<bool> g_trace_handoffs{false};

// Takes the GIL and, under `--trace`, says so: who, after what, and how long the wait was.
void take_gil(Gil* gil, const char* how) {
    ThreadState* ts = thread_state();
    GilStats before = ts->gil_stats;
    gil->acquire(ts->gil_stats);
    if (!g_trace_handoffs.load(std::memory_order_relaxed)) return;
    bool asked = ts->gil_stats.drop_requests > before.drop_requests;
    std::fprintf(stderr, "--- %s takes the GIL %s%s; waited %.1f ms\n", thread_display_name(ts).c_str(), how,
                 asked ? ", having asked the holder to drop it" : "",
                 static_cast<double>(ts->gil_stats.wait_ns - before.wait_ns) / 1e6);
}

}  // namespace

std::string thread_display_name(const ThreadState* ts) {
    if (!ts->name.empty()) return ts->name;
    return is_main_thread() ? "MainThread" : "a new thread";
}

void set_trace_gil_handoffs(bool on) { g_trace_handoffs.store(on, std::memory_order_relaxed); }

void begin_blocking(Gil* gil, BlockReason reason) {
    if (gil_trace_on()) gil_trace_state(TraceState::Blocked, reason);
    if (gil) gil->release(thread_state()->gil_stats);
    detach_thread();
}

void end_blocking(Gil* gil) {
    attach_thread();
    if (gil) {
        take_gil(gil, "back after a blocking call");  // records the wait and the run
    } else if (gil_trace_on()) {
        gil_trace_state(TraceState::Running);
    }
}

void detach_thread() {
    if (g_active_gil) return;
    // A detached thread touches no objects, so the collector must be able to read exact counts
    // without it: its ledger's references go into the counts first (flavor.h's read ledger).
    refcount_ledger_settle();
    refcount_ledger_service();
    refcount_owner_detached(true);
    g_attached.fetch_sub(1);
}

void attach_thread() {
    if (g_active_gil) return;
    if (tl_stopped_world) {  // the stopper itself (the collector running a finalizer) never waits
        g_attached.fetch_add(1);
        refcount_owner_detached(false);
        return;
    }
    // Counted first, then checked: a stopper that has not seen this thread yet sees it now.
    bool held_back = false;
    while (true) {
        g_attached.fetch_add(1);
        if (!g_world_stopped.load()) {
            if (held_back) g_held_back.fetch_sub(1);
            refcount_owner_detached(false);
            return;
        }
        g_attached.fetch_sub(1);
        if (!held_back) {
            held_back = true;
            g_held_back.fetch_add(1);
        }
        g_world_stopped.wait(true);
    }
}

void stop_the_world() {
    if (g_active_gil) return;
    if (tl_stopped_world) {
        ++tl_nested_stops;
        return;
    }
    detach_thread();  // a second stopper waits here, detached, so the first can finish
    g_world_lock.lock();
    while (g_held_back.load() != 0) std::this_thread::yield();  // the last stop's waiters go first
    refcount_ledger_pause();
    g_world_stopped.store(true);
    tl_stopped_world = true;
    // Threads notice at their next eval-breaker check; the flag is raised again each round in
    // case a thread cleared it before it saw the stop. Forks are rare, so polling is enough.
    while (g_attached.load() != 0) {
        eval_breaker.raise();
        std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
}

void start_the_world() {
    if (g_active_gil) return;
    if (tl_nested_stops > 0) {
        --tl_nested_stops;
        return;
    }
    tl_stopped_world = false;
    refcount_ledger_resume();
    g_world_stopped.store(false);
    g_world_stopped.notify_all();
    g_world_lock.unlock();
    attach_thread();
}

void request_keyboard_interrupt() {
    g_interrupt_pending.store(true);
    eval_breaker.raise();
}

bool is_main_thread() { return std::this_thread::get_id() == g_main_thread; }

namespace {
std::atomic<uint64_t> g_pending_signals{0};
void (*g_signal_dispatch)() = nullptr;
}  // namespace

void mark_signal_pending(int signum) {
    g_pending_signals.fetch_or(uint64_t{1} << signum);
    eval_breaker.raise();
}

uint64_t take_pending_signals() { return g_pending_signals.exchange(0); }

bool signals_pending() { return g_pending_signals.load(std::memory_order_relaxed) != 0 && is_main_thread(); }

void set_signal_dispatch(void (*run_handlers)()) { g_signal_dispatch = run_handlers; }

bool keyboard_interrupt_pending() { return g_interrupt_pending.load() && is_main_thread(); }

void install_sigint_handler() {
    struct sigaction action {};
    action.sa_handler = [](int) { request_keyboard_interrupt(); };
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking call returns EINTR and can give up early
    sigaction(SIGINT, &action, nullptr);
}

bool take_keyboard_interrupt() {
    if (!keyboard_interrupt_pending()) return false;
    g_interrupt_pending.store(false);
    return true;
}

bool service_eval_breaker(ThreadState* ts) {
    // Cleared first: a request that arrives while this one is handled sets it again. Another
    // thread's hook change is not this thread's to take: it keeps the flag raised for its owner.
    eval_breaker.clear_request();
    if (g_interrupt_pending.load()) {
        // Only the main thread raises it; another thread leaves the flag up for it.
        if (std::this_thread::get_id() != g_main_thread) eval_breaker.raise();
        if (take_keyboard_interrupt()) return true;
    }
    if (g_pending_signals.load() && g_signal_dispatch) {
        // Python handlers run in the main thread only, as CPython's.
        if (is_main_thread())
            g_signal_dispatch();
        else
            eval_breaker.raise();
    }
    if (g_world_stopped.load() && !tl_stopped_world) {
        detach_thread();
        attach_thread();  // waits for start_the_world()
    }
    refcount_merge_queued();
    refcount_ledger_service();
    qsbr_quiescent();
    // Another thread's objects still wait for it to merge or release them, or memory for every
    // thread to pass a quiescent state: keep the flag up until it has.
    if (refcount_merges_pending() || refcount_ledger_releases_pending() || qsbr_frees_pending())
        eval_breaker.raise();
    if (g_active_gil) {
        GilStats before = ts->gil_stats;
        if (g_active_gil->yield_if_requested(ts->gil_stats) &&
            g_trace_handoffs.load(std::memory_order_relaxed)) {
            std::fprintf(
                stderr,
                "--- %s let go of the GIL when asked (a forced switch) and took it back; waited %.1f ms\n",
                thread_display_name(ts).c_str(),
                static_cast<double>(ts->gil_stats.wait_ns - before.wait_ns) / 1e6);
        }
    }
    return false;
}

Gil& the_gil() {
    // Never destroyed: daemon threads may still wait on it while the process exits.
    static Gil* gil = [] {
        auto* g = new Gil();
        g->set_eval_breaker(&eval_breaker);
        return g;
    }();
    return *gil;
}

Gil* active_gil() { return g_active_gil; }

void set_gil_enabled(bool enabled) {
    if (enabled == (g_active_gil != nullptr)) return;
    if (enabled) {
        g_active_gil = &the_gil();
        g_active_gil->acquire(thread_state()->gil_stats);
    } else {
        g_active_gil->release(thread_state()->gil_stats);
        g_active_gil = nullptr;
    }
}

void set_gil_stats_wanted(bool wanted) {
    g_gil_stats_wanted = wanted;
    g_gil_stats_recorded = g_gil_stats_recorded || wanted;
}

void record_gil_stats() { g_gil_stats_recorded = true; }

void thread_begin() {
    attach_thread();
    refcount_thread_start();
    if (!g_active_gil) refcount_ledger_start();  // under a GIL, counting is never contended
    g_running_threads.fetch_add(1, std::memory_order_relaxed);
    if (g_active_gil) {
        take_gil(g_active_gil, "to start");
    } else if (gil_trace_on()) {
        gil_trace_state(TraceState::Running);
    }
}

void thread_end() {
    ThreadState* ts = thread_state();
    if (g_gil_stats_recorded) {
        GilStats stats = ts->gil_stats;
        if (g_active_gil) stats.hold_ns += ns_since(stats.held_since);  // held until the release below
        std::lock_guard<std::mutex> lock(g_finished_mutex);
        g_finished.push_back({"Thread-" + std::to_string(++g_threads_started), stats});
    }
    // Before at_exit, so that join() returns once the objects this thread's ledger held are freed
    // and its own objects are given up: a thread that drops one of them after the join frees it at
    // once instead of queueing it for an owner about to exit.
    refcount_ledger_stop();
    refcount_thread_exit();
    if (ts->at_exit) std::exchange(ts->at_exit, nullptr)();
    if (gil_trace_on()) gil_trace_state(TraceState::Ended);  // before another thread can take over
    if (g_active_gil) g_active_gil->release(ts->gil_stats);
    g_running_threads.fetch_sub(1, std::memory_order_release);
    detach_thread();
}

void after_fork_child() {
    // This thread stopped the world (os.fork does) and is the only one left: it runs attached, and
    // no longer as the stopper. Left marked as one, each later stop in the child (a collection) was
    // taken for a nested stop and stopped nothing, with the child's own new threads running on.
    new (&g_world_lock) std::mutex();
    tl_stopped_world = false;
    tl_nested_stops = 0;
    g_main_thread = std::this_thread::get_id();  // the forking thread is the child's main thread
    g_world_stopped.store(false);
    g_attached.store(1);
    g_held_back.store(0);  // threads the stop held back are not in the child: no stop may wait for them
    refcount_after_fork();
    g_running_threads.store(0, std::memory_order_relaxed);
    gil_trace_stop_in_child();  // the parent writes the timeline
    new (&g_finished_mutex) std::mutex();
    g_finished.clear();
    new (&g_states_lock) std::mutex();
    g_states.assign(1, thread_state());  // the other threads' states are left behind, unused
    eval_breaker.reset_after_fork(thread_state()->hooks_changed);
    if (g_active_gil) {
        // Re-made in place, without running the destructor of a mutex that may be locked.
        double interval = g_active_gil->switch_interval();
        new (g_active_gil) Gil();
        g_active_gil->set_eval_breaker(&eval_breaker);
        g_active_gil->set_switch_interval(interval);
        g_active_gil->acquire(thread_state()->gil_stats);
    }
}

int running_threads() { return g_running_threads.load(std::memory_order_acquire); }

std::string format_gil_stats() {
    GilStats main = thread_state()->gil_stats;
    if (g_active_gil) main.hold_ns += ns_since(main.held_since);  // the main thread still holds it
    std::lock_guard<std::mutex> lock(g_finished_mutex);
    std::string out = format("GIL statistics (%s):\n", g_active_gil ? "GIL enabled" : "no GIL: all zero");
    out += format("%-12s %12s %13s %15s %10s %10s\n", "thread", "acquisitions", "drop requests",
                  "forced switches", "wait ms", "hold ms");
    out += stats_row("MainThread", main);
    for (const FinishedThread& t : g_finished) out += stats_row(t.label, t.stats);
    return out;
}

void report_gil_stats() {
    if (g_gil_stats_wanted) std::fputs(format_gil_stats().c_str(), stderr);
}

}  // namespace minipy
