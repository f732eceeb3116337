// frame.cpp — frames on the thread's value stack: reserving one (with the recursion check),
// filling in a function's cells, and releasing it.
#include "vm/frame.h"

#include "objects/errors.h"
#include "objects/frame_object.h"
#include "objects/function.h"
#include "vm/interp.h"

namespace minipy {

namespace {

// push_frame's body, inlined into push_function_frame: the call between the two, with the calls to
// recursion_limit() and builtins_dict() now inline, took 16 of the ~97 instructions a Python call
// spent in push_function_frame (bench/pyperf/deltablue.py, callgrind).
// `args`: the first `nargs` locals, taken over (the rest start cleared). Clearing every local and then
// storing the arguments over them cost a memset call per Python call: 21M of push_function_frame's
// 92M instructions in 20 rounds of bench/pyperf/deltablue.py (callgrind).
MINIPY_ALWAYS_INLINE Frame* push_frame_inline(ThreadState* ts, Code* code, Object* const* args = nullptr,
                                              int nargs = 0) {
    if (ts->depth >= recursion_limit()) raise_recursion_error();
    // The frame's size was added up once, when the code first ran (Code::frame_values); before
    // that it is too large for any stack, and null tells the caller to make the code's caches.
    size_t values = code->frame_values();
    size_t slots = kFrameHeaderSlots + values;
    if (static_cast<size_t>(ts->stack_end - ts->stack_top) < slots) [[unlikely]] {
        // The size read above decides, not a second read: in minipy-ft another thread may make the
        // caches in between, and the first run then raised RecursionError with room to spare
        // (stress/asyncio_tasks_threads.py under TSan, four threads calling asyncio.run at once).
        if (values != Code::kNotRun) raise_recursion_error();
        return nullptr;
    }
    int nlocalsplus = code->frame_nlocalsplus();
    Frame* f = reinterpret_cast<Frame*>(ts->stack_top);
    ts->stack_top += slots;
    f->code = code;
    f->func = nullptr;
    f->globals = nullptr;
    f->builtins = builtins_dict();
    f->locals = nullptr;
    f->previous = ts->frame;
    f->ip = code->instructions.data();
    f->is_entry = false;
    f->is_init = false;
    f->generator = nullptr;
    f->frame_object = nullptr;
    f->trace_call_pending = true;
    f->raised_at = 0;
    Object** lp = f->localsplus();
    for (int i = 0; i < nargs; ++i) lp[i] = args[i];
    for (int i = nargs; i < nlocalsplus; ++i) lp[i] = nullptr;
    f->sp = lp + nlocalsplus;  // the value stack starts empty, after the locals
    ++ts->depth;
    return f;
}

// GCC turns push_frame_inline's loop that clears the locals into a call to memset, which for the
// few locals of a typical function costs more than the stores: the push functions below are
// compiled without that transformation (bench/pyperf/pystone.py: push_function_frame_args and its
// memset calls took 75.8M instructions, 850k calls).
#define MINIPY_PLAIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))

// A code object's first run makes its caches (objects/code.h, Code::make_caches), then pushes the
// frame again. The push functions below come here by a tail call when push_frame_inline answers
// null: a call that returned into them made every Python call save and restore two more registers
// (bench/classes.py, callgrind: push_function_frame_args 26.6 M -> 29.2 M instructions).
template <auto Push, typename... Args>
[[gnu::noinline, gnu::cold]] Frame* push_on_first_run(ThreadState* ts, Code* code, Args... args) {
    code->make_caches();
    return Push(ts, args...);
}

}  // namespace

MINIPY_PLAIN_LOOPS Frame* push_frame(ThreadState* ts, Code* code) {
    Frame* f = push_frame_inline(ts, code);
    if (!f) [[unlikely]]
        return push_on_first_run<push_frame>(ts, code, code);
    return f;
}

void pop_frame(ThreadState* ts, Frame* f) { pop_frame_inline(ts, f); }

void init_cells(Frame* f, Function* fn) {
    Code* co = fn->code;
    Object** lp = f->localsplus();
    int nlocals = co->nlocals();
    for (size_t i = 0; i < co->cellvars.size(); ++i) {
        int arg = co->cell2arg[i];
        lp[nlocals + i] = cell_new(arg >= 0 ? lp[arg] : nullptr).release();
        if (arg >= 0) {
            xdecref(lp[arg]);
            lp[arg] = nullptr;
        }
    }
    size_t first_free = nlocals + co->cellvars.size();
    for (size_t i = 0; i < co->freevars.size(); ++i) lp[first_free + i] = newref(fn->closure->items[i]);
}

MINIPY_PLAIN_LOOPS Frame* push_function_frame(ThreadState* ts, Function* fn) {
    Frame* f = push_frame_inline(ts, fn->code);
    if (!f) [[unlikely]]
        return push_on_first_run<push_function_frame>(ts, fn->code, fn);
    f->func = static_cast<Function*>(newref(fn));
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    // Code without CO_NEWLOCALS (a module's or class body's, made a function) names its variables
    // in a namespace, as CPython's: the globals, unless the caller sets another (a class body).
    if (!(fn->code->flags & kCoNewLocals)) [[unlikely]]
        f->locals = fn->globals;
    return f;
}

MINIPY_PLAIN_LOOPS Frame* push_function_frame_args(ThreadState* ts, Function* fn, Object* const* args,
                                                   size_t nargs) {
    Frame* f = push_frame_inline(ts, fn->code, args, static_cast<int>(nargs));
    if (!f) [[unlikely]]
        return push_on_first_run<push_function_frame_args>(ts, fn->code, fn, args, nargs);
    f->func = static_cast<Function*>(newref(fn));
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    return f;
}

}  // namespace minipy
