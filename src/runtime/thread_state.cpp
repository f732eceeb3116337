// thread_state.cpp — per-thread interpreter state and the recursion limit.
#include "runtime/thread_state.h"

#include <pthread.h>

namespace minipy {

namespace {

// 4M slots (32 MiB of address space): pages are only touched as frames reach them.
constexpr size_t kValueStackSlots = size_t{1} << 22;

std::atomic<int> g_recursion_limit{1000};

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

}  // namespace

std::atomic<bool> eval_breaker{false};

ThreadState::ThreadState() : stack(new Object*[kValueStackSlots]) {
    stack_top = stack.get();
    stack_end = stack_top + kValueStackSlots;
    c_stack_limit = c_stack_floor();
}

ThreadState::~ThreadState() { xdecref(handled_exc); }

ThreadState* thread_state() {
    thread_local ThreadState state;
    return &state;
}

int recursion_limit() { return g_recursion_limit.load(std::memory_order_relaxed); }
void set_recursion_limit(int limit) { g_recursion_limit.store(limit, std::memory_order_relaxed); }

void handle_eval_breaker(ThreadState*) {
    // No GIL hand-offs or signals yet: the GIL issue hooks Gil::yield_if_requested in here.
    eval_breaker.store(false, std::memory_order_relaxed);
}

}  // namespace minipy
