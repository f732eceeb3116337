// thread_state.h — what each OS thread running Python code owns: its value stack (frames and their
// locals live there, so a call allocates nothing on the heap), its frame chain, its recursion depth
// and the exception it is handling. Also the eval breaker, the one flag the loop polls.
#pragma once

#include <atomic>
#include <memory>

#include "objects/object.h"

namespace minipy {

struct Frame;

struct ThreadState {
    std::unique_ptr<Object*[]> stack;
    Object** stack_top = nullptr;  // first free slot: the next frame goes here
    Object** stack_end = nullptr;
    Frame* frame = nullptr;        // innermost running frame
    int depth = 0;                 // Python frames plus native re-entries of the loop
    Object* handled_exc = nullptr; // owned: the exception an `except`/`finally` is handling
    uintptr_t c_stack_limit = 0;   // the loop refuses to re-enter below this C stack address

    ThreadState();
    ~ThreadState();
    ThreadState(const ThreadState&) = delete;
    ThreadState& operator=(const ThreadState&) = delete;
};

// The calling thread's state, created on first use.
ThreadState* thread_state();

// sys.getrecursionlimit(): Python frames allowed on one thread (CPython's default: 1000).
int recursion_limit();
void set_recursion_limit(int limit);
// True when the C stack is nearly used up: the loop checks it each time native code re-enters
// it, so deep recursion through native calls ends in RecursionError, never a crash.
inline bool c_stack_exhausted(const ThreadState* ts) {
    char probe;
    return reinterpret_cast<uintptr_t>(&probe) < ts->c_stack_limit;
}

// Set when the loop must stop at its next check (a GIL drop request, a signal, a pending call).
// Checked at backward jumps and calls, as CPython's eval_breaker.
extern std::atomic<bool> eval_breaker;
// Called by the loop when the flag is set; may raise (KeyboardInterrupt).
void handle_eval_breaker(ThreadState* ts);

}  // namespace minipy
