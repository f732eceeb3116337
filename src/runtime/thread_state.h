// thread_state.h — what each OS thread running Python code owns: its value stack (frames and their
// locals live there, so a call allocates nothing on the heap), its frame chain, its recursion depth
// and the exception it is handling, and its GIL counters. Also the eval breaker, the one flag the loop
// polls, and the switch that says whether this run has a GIL at all.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "runtime/gil.h"
#include "runtime/gil_trace.h"

namespace minipy {

struct Frame;
struct Object;

// One entry of the stack of handled exceptions (CPython's _PyErr_StackItem): the thread's own at the
// bottom, and one per running generator or coroutine above it, each generator keeping its entry
// (gi_exc_state) while suspended. `exc` (owned, or null) is what that level's innermost
// `except`/`finally` block is handling; sys.exc_info(), a bare `raise` and the implicit __context__
// of a new exception take the topmost non-null one (topmost_handled_exc).
struct ExcInfo {
    Object* exc = nullptr;
    ExcInfo* previous = nullptr;
};

// The events a native profile function hears (CPython's PyTrace_CALL, PyTrace_RETURN,
// PyTrace_C_CALL, PyTrace_C_RETURN, PyTrace_C_EXCEPTION), with the frame they happen in and, for
// the C events, the built-in function called.
enum class ProfileEvent : uint8_t { Call, Return, CCall, CReturn, CException };
using NativeProfileFn = void (*)(Object* profiler, Frame* frame, ProfileEvent event, Object* arg);

struct ThreadState {
    std::unique_ptr<Object*[]> stack;
    Object** stack_top = nullptr;  // first free slot: the next frame goes here
    Object** stack_end = nullptr;
    Frame* frame = nullptr;         // innermost running frame
    int depth = 0;                  // Python frames plus native re-entries of the loop
    ExcInfo exc_base;               // the handled exception outside every generator
    ExcInfo* exc_info = &exc_base;  // the running generator's entry, or exc_base
    uintptr_t c_stack_limit = 0;    // the loop refuses to re-enter below this C stack address
    GilStats gil_stats;             // this thread's side of `--gil-stats`
    std::string name;               // threading.Thread's name, once its thread starts (for --trace)
    // Run by thread_end() with the GIL still held: releases _thread._set_sentinel()'s lock, so
    // Thread.join() returns only once the thread is completely done.
    std::function<void()> at_exit;
    // sys.settrace's and sys.setprofile's functions for this thread (owned or null; vm/trace_hooks.*
    // sets and calls them), and whether one of them is running now (its own code is not traced).
    Object* trace_func = nullptr;
    Object* profile_func = nullptr;
    bool in_trace_hook = false;
    // Whether sys.settrace or sys.setprofile is replacing its function now: the old one's release
    // may run Python code (a __del__), which may not install another meanwhile, as in CPython.
    bool installing_trace = false;
    bool installing_profile = false;
    // Set when those hooks changed and the thread's loop has not yet picked its dispatch table
    // again (mark_hooks_changed, below).
    bool hooks_changed = false;
    // A profiler written in C++ (_lsprof's), which CPython installs with PyEval_SetProfile: when
    // set, profile_func holds the profiler object (what sys.getprofile() returns) and the events go
    // to this function instead of a Python call with a frame object (vm/trace_hooks.*).
    NativeProfileFn native_profile = nullptr;
    // sys.set_asyncgen_hooks's functions for this thread (owned or null; PEP 525): an async
    // generator calls `firstiter` on its first iteration and keeps `finalizer` to be handed to
    // when it is dropped unfinished (objects/coroutine.cpp, objects/generator.cpp).
    Object* asyncgen_firstiter = nullptr;
    Object* asyncgen_finalizer = nullptr;
    // sys.set_coroutine_origin_tracking_depth: how many callers a new coroutine records as its
    // cr_origin (0: none, cr_origin is None).
    int64_t coroutine_origin_depth = 0;
    // _thread.get_ident() of the thread (pthread_self), the key of sys._current_frames().
    uint64_t ident = 0;

    ThreadState();
    ~ThreadState();
    ThreadState(const ThreadState&) = delete;
    ThreadState& operator=(const ThreadState&) = delete;
};

// The exception being handled here, as sys.exc_info() sees it (borrowed, or null).
inline Object* topmost_handled_exc(const ThreadState* ts) {
    for (const ExcInfo* e = ts->exc_info; e; e = e->previous)
        if (e->exc) return e->exc;
    return nullptr;
}

// The calling thread's state, created on first use.
ThreadState* thread_state();
// Calls `visit` with the state of every thread that has one (sys._current_frames), under a lock
// that a thread takes to make or drop its state: `visit` must not start or end a thread. The
// caller holds the GIL, or has stopped the world, so the other threads' frames stay as they are.
void for_each_thread_state(const std::function<void(ThreadState*)>& visit);
// The same for faulthandler's dumps, which may run in a signal handler: newest thread first, without
// allocating or waiting. Returns false, visiting nothing, when another thread holds the list's lock
// (it is making or dropping its state).
bool visit_thread_states_nonblocking(void (*visit)(ThreadState*, void*), void* arg);
// How `--trace` names a thread: threading's name, "MainThread", or "a new thread" before its name is known.
std::string thread_display_name(const ThreadState* ts);
// `--trace` also reports each time a thread gets the GIL after waiting for it (the VM's set_trace
// turns this on with the instruction trace).
void set_trace_gil_handoffs(bool on);

// sys.getrecursionlimit(): Python frames allowed on one thread (CPython's default: 1000).
// Inline: every call reads it (push_frame; a call took 4 instructions of each frame's ~150).
inline std::atomic<int> g_recursion_limit{1000};
inline int recursion_limit() { return g_recursion_limit.load(std::memory_order_relaxed); }
void set_recursion_limit(int limit);
// True when the C stack is nearly used up: the loop checks it each time native code re-enters
// it, so deep recursion through native calls ends in RecursionError, never a crash.
// The frame's own address, not a local's: ASan's use-after-return check (on by default since
// clang 15) keeps locals in a "fake stack" on the heap, far from the thread's stack.
inline bool c_stack_exhausted(const ThreadState* ts) {
    return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < ts->c_stack_limit;
}

// The flag the loop polls at backward jumps and calls, as CPython's eval_breaker: raised, the loop
// stops at its next check. Two kinds of reason share one word, so the loop still loads only one:
// - a request for whichever thread checks next (a GIL drop request, a signal, a stop of the world,
//   queued reference counts), which the first thread to serve it clears (service_eval_breaker);
// - a count of the threads whose trace or profile hooks changed since their loop last picked its
//   dispatch table (ThreadState::hooks_changed). Only that thread takes its own count back, so it
//   finds the flag raised at its very next check, however many other threads clear requests
//   meanwhile. With one shared bool, a thread spinning elsewhere under minipy-ft could clear it
//   between a sys.setprofile(fn) and the setting thread's next check: the calls after went unseen.
class EvalBreaker {
public:
    bool raised() const { return word_.load(std::memory_order_relaxed) != 0; }
    // A request for the next thread that checks (async-signal-safe: a lock-free atomic).
    void raise() { word_.fetch_or(kRequest, std::memory_order_release); }
    // Clears the request and leaves the counted hook changes raised.
    void clear_request() { word_.fetch_and(~kRequest, std::memory_order_acq_rel); }
    void add_hooks_change() { word_.fetch_add(kHooksChange, std::memory_order_relaxed); }
    void remove_hooks_change() { word_.fetch_sub(kHooksChange, std::memory_order_relaxed); }
    // In the child of fork(): the other threads are gone, and their hook changes with them.
    void reset_after_fork(bool own_hooks_changed) {
        word_.store(kRequest | (own_hooks_changed ? kHooksChange : 0), std::memory_order_relaxed);
    }

private:
    static constexpr uint32_t kRequest = 1;
    static constexpr uint32_t kHooksChange = 2;  // one per thread, in the bits above the request
    std::atomic<uint32_t> word_{0};
};
extern EvalBreaker eval_breaker;
// The calling thread's trace or profile hooks changed (vm/trace_hooks.cpp; or a nested run of the
// loop hands a change on to the loop outside it): its loop picks its dispatch table again at its
// next check. Only `ts`'s own thread calls these two.
inline void mark_hooks_changed(ThreadState* ts) {
    if (ts->hooks_changed) return;
    ts->hooks_changed = true;
    eval_breaker.add_hooks_change();
}
// Takes the thread's mark as its loop picks its dispatch table again (true if there was one).
inline bool take_hooks_changed(ThreadState* ts) {
    if (!ts->hooks_changed) return false;
    ts->hooks_changed = false;
    eval_breaker.remove_hooks_change();
    return true;
}
// The runtime's share of the eval breaker's work, done when the flag is set (objects/eval_breaker.h's
// handle_eval_breaker does it, then raises and collects): runs due signal handlers, pauses for a
// stopped world, merges queued reference counts, lets go of the GIL when asked. Returns true, first
// thing, when a Ctrl-C must be raised as KeyboardInterrupt in this thread.
bool service_eval_breaker(ThreadState* ts);
// Ctrl-C: SIGINT sets a flag and the eval breaker, and the main thread raises KeyboardInterrupt at
// its next check, as CPython's default SIGINT handler. Installed for scripts and commands.
void install_sigint_handler();
// What the handler does (async-signal-safe); the REPL calls it while an entry runs.
void request_keyboard_interrupt();
// True on the main thread while a Ctrl-C waits to be raised there: its blocking calls give up
// early. Other threads never see it (their sleeps and waits go on).
bool keyboard_interrupt_pending();
// Signals with a Python handler (the `_signal` module): the C handler marks the signal pending and
// raises the eval breaker; the main thread then calls `run_handlers`, which the module installs,
// at its next check (CPython's trip_signal and PyErr_CheckSignals). Async-signal-safe.
void mark_signal_pending(int signum);
// Takes the pending set (bit n: signal n), clearing it.
uint64_t take_pending_signals();
// True on the main thread while a signal with a Python handler waits to run (it is left pending).
bool signals_pending();
void set_signal_dispatch(void (*run_handlers)());
// Whether the calling thread is the one that started the program (the only one Ctrl-C reaches).
bool is_main_thread();
// On the main thread, takes a pending Ctrl-C (true: the caller raises KeyboardInterrupt); false
// elsewhere. objects/eval_breaker.h's check_keyboard_interrupt raises it.
bool take_keyboard_interrupt();

// ---- the GIL at run time ----
// minipy always runs with the GIL; minipy-ft runs without it unless `-X gil=1` or MINIPY_GIL=1
// asked for it at start-up (flavor.h's kGilEnabledByDefault is each flavor's default).
// The Gil object exists in both flavors so sys.getswitchinterval() has one home.
Gil& the_gil();
// The GIL when this run uses one, else null: what AllowThreads and the eval breaker take.
Gil* active_gil();
// At start-up, before any second thread: turns the GIL on (the calling thread takes it) or off.
void set_gil_enabled(bool enabled);
// Remembers to print every thread's GIL counters at exit (`--gil-stats`, `-X gilstats`).
void set_gil_stats_wanted(bool wanted);
// Keeps the counters of threads as they end, without printing them at exit (the REPL's `.gil`).
void record_gil_stats();

// Without a GIL, a thread in a blocking call is "detached": it touches no objects until it comes
// back, so stop_the_world() need not wait for it. With a GIL these do nothing.
void detach_thread();
void attach_thread();

// Lets go of the GIL (or, without one, detaches) for a blocking call, and takes it back after; the
// reason shows in `--gil-trace`'s timeline. AllowThreads wraps the pair.
void begin_blocking(Gil* gil, BlockReason reason);
void end_blocking(Gil* gil);

// Lets other threads run while the enclosed blocking call waits, as CPython's
// Py_BEGIN/END_ALLOW_THREADS: `{ AllowThreads unblocked(BlockReason::Sleep); wait(); }`.
class AllowThreads {
public:
    explicit AllowThreads(BlockReason reason = BlockReason::Other) : gil_(active_gil()) {
        begin_blocking(gil_, reason);
    }
    ~AllowThreads() { end_blocking(gil_); }
    AllowThreads(const AllowThreads&) = delete;
    AllowThreads& operator=(const AllowThreads&) = delete;

private:
    Gil* gil_;
};

// Brings every other thread to a halt where it holds no object's lock (the eval breaker, or a
// blocking call) and keeps it there until start_the_world(): what os.fork() needs in a run
// without a GIL, so the child never inherits a lock held by a thread that does not exist there
// (CPython's free-threaded build stops the world before fork() the same way). With a GIL, holding
// it is enough, and these do nothing.
void stop_the_world();
void start_the_world();

// Bookkeeping for threads started by _thread.start_new_thread: a thread calls thread_begin()
// first (it then holds the GIL when there is one) and thread_end() last (which lets it go).
void thread_begin();
void thread_end();
// In the child of fork(), before it runs any Python: only the forking thread survives, so the
// thread count starts again at zero and the GIL (whose mutex another thread may have held at the
// fork) is made anew, held by this thread.
void after_fork_child();
// Threads started and not yet ended (_thread._count()).
int running_threads();
// The table of every thread's GIL counters so far (the threads that ended since recording began,
// and the main thread), as `--gil-stats` prints it at exit and the REPL's `.gil` shows it.
std::string format_gil_stats();
// Prints format_gil_stats() to stderr, if `--gil-stats` asked for it.
void report_gil_stats();

}  // namespace minipy
