// generator.h — generator objects. A generator keeps its frame in storage of its own, as CPython's
// gi_iframe: the call that makes it binds the arguments in a frame on the thread's value stack, which
// then moves into the generator once; each resume links that frame above the resumer's and runs it
// where it is, so neither a resume nor a yield copies it.
#pragma once

#include <vector>

#include "objects/gc.h"
#include "objects/object.h"
#include "runtime/thread_state.h"

namespace minipy {

struct Frame;
struct Generator;

// A consumer that takes a generator's values as it yields them: list(g), tuple(g) and set(g) give
// one to generator_drain, and the generator's YIELD_VALUE hands each value to `take` and runs on,
// instead of suspending its frame and resuming it once per item (claim, link, a run_frame of its own:
// ~200 instructions, 745k times a round of pyperf's nqueens). `take` must not run Python code or
// raise: it returns false for a value it cannot add so (a set's item whose hash may call __hash__),
// and that value is yielded the ordinary way, for generator_drain to add with `add`.
struct YieldSink {
    bool (*take)(YieldSink* sink, Object* value);  // steals `value` when it returns true
    void (*add)(YieldSink* sink, Object* value);   // borrows `value`; may run Python code and raise
    Object* target;                                // the list or set being filled
};

// A coroutine (`async def`) and an async generator (`async def` with `yield`) are generators of
// another type: the same frame saving and resuming, driven by `await` instead of iteration.
extern Type generator_type, coroutine_type, async_generator_type;

// A generator or a coroutine: what SEND and throw() drive directly, without a method lookup.
inline bool is_generator_like(const Object* o) {
    return type_of(o) == &generator_type || type_of(o) == &coroutine_type;
}

struct Generator : Object {
    MINIPY_GC_ALLOCATED
    std::vector<Object*> image;  // the frame: header, localsplus, stack (owned values); empty once it ends
    size_t stack_depth = 0;      // values on its evaluation stack while suspended
    // Claimed by the thread that resumes it (claim_flag, runtime/flavor.h): in minipy-ft two threads
    // may call next() on one generator at once, and only one may run its frame, which now runs in
    // place; the other gets CPython's "generator already executing".
    std::atomic<bool> running{false};
    bool finished = false;
    bool started = false;
    bool yielded = false;            // set by YIELD_VALUE, so a resume can tell a yield from a return
    Str* qualname = nullptr;         // owned
    Str* name = nullptr;             // owned: __name__, the function's
    Object* code = nullptr;          // owned: gi_code, kept after the frame is gone
    Object* return_value = nullptr;  // owned: what `return x` ended it with, until taken
    // CPython's gi_exc_state: the exception its own `except` blocks are handling (kept while it is
    // suspended inside one), on top of the thread's stack of them while it runs.
    ExcInfo exc_state;
    // Its finalizer ran (PEP 442: once): a coroutine's "never awaited" warning, or an async
    // generator handed to the event loop's finalizer hook.
    bool finalized = false;
    bool hooks_inited = false;             // an async generator's first iteration called firstiter
    Object* asyncgen_finalizer = nullptr;  // owned: the finalizer hook it took then, or null
    Object* origin = nullptr;              // owned: a coroutine's cr_origin, or null (None)
    YieldSink* sink = nullptr;             // set by generator_drain while its run lasts, else null
};

void init_generator_type();  // called once at start-up

// Runs the generator `gen` (exactly a generator) to its end, each value it yields given to `sink`;
// what next(gen) raises is raised, and an exhausted generator adds nothing.
void generator_drain(Object* gen, YieldSink* sink);
// YIELD_VALUE of a frame that a C++ call runs (is_entry), while no trace hook is set: whether the
// consumer draining the generator took `value` (stolen then), so that the frame goes on running.
inline bool yield_to_sink(Object* gen, Object* value) {
    YieldSink* sink = static_cast<Generator*>(gen)->sink;
    return sink && sink->take(sink, value);
}

// Turns the freshly bound frame `f` (top of the stack) into a new, not yet started generator.
Ref generator_from_frame(ThreadState* ts, Frame* f);
// SEND and FOR_ITER resume a generator inside the running interpreter loop, as CPython 3.12 does:
// its frame becomes the thread's current one, with `value` (borrowed) as the result of the yield it
// stopped at, and the loop carries on in it. Null, with nothing changed, when it cannot be
// resumed so (not a generator or coroutine, running, finished, `value` not None before its first
// run, or the recursion limit reached): the general path then raises what it must.
Frame* generator_enter(ThreadState* ts, Object* gen, Object* value);
// How a generator's frame `f` leaves the loop (in place of pop_frame: the frame is the generator's);
// each gives the resumer's handled exception back. YIELD_VALUE: the frame stays, suspended.
void generator_suspend(ThreadState* ts, Frame* f);
// RETURN_VALUE: the generator is finished and its frame released (the return value, already
// popped, goes to the resumer).
void generator_returned(ThreadState* ts, Frame* f);
// An exception leaves the frame: the generator is finished, and the exception to go on with is
// returned (a StopIteration that escaped the body becomes RuntimeError, as PEP 479 has it).
Ref generator_raised(ThreadState* ts, Frame* f, Ref exc);
// gen.send(value): the next yielded value (new reference), or null once the generator returns.
Ref generator_send(Object* gen, Object* value);
// gen.throw(exc): raises `exc` where the generator is suspended (inside the iterator a `yield from`
// delegates to, if any); the next yielded value, or null once it returns.
Ref generator_throw(Object* gen, Ref exc);
// The exception that throw(typ[, val[, tb]]) raises (`args`: those arguments): typ itself when it
// is an instance, else typ called with val (or val when it is already one), with CPython's errors.
Ref thrown_exception(Object* const* args, size_t nargs);
// gen.throw(typ[, val[, tb]]) as Python calls it (`args`: the method's arguments after self): the
// next yielded value; raises StopIteration once the generator returns.
Ref generator_throw_method(Object* gen, Object* const* args, size_t nargs, Tuple* kw);
// gen.close(): raises GeneratorExit where it is suspended; RuntimeError if it yields again.
void generator_close(Object* gen);
// Started, not finished and not running: closing it would run its finally blocks (the collector's finalizer).
bool generator_is_suspended(Object* gen);
// What runs before a generator, coroutine or async generator is freed, for the collector: whether
// there is something (a suspended frame to close, so its finally blocks run; a coroutine never
// awaited to report with CPython's RuntimeWarning; an unfinished async generator to hand to the
// finalizer hook it took from sys.set_asyncgen_hooks), and running it, errors reported as
// unraisable. Dropping one by its count runs the same (the types' finalize slot and dealloc).
bool generator_needs_finalizer(Object* gen);
void generator_run_finalizer(Object* gen);
// Whether its frame is running now (gi_running).
bool generator_is_running(Object* gen);
// The value of the `return` that finished the generator (None if taken or never set).
Ref generator_take_return(Object* gen);
// SEND, one step of `yield from it`: sends `value` into `it`. True with the item it yielded in
// `out`; false once it is exhausted, with its return value in `out`.
bool yield_from_send(Object* it, Object* value, Ref* out);
// A generator made by a function that types.coroutine() marked awaitable (CO_ITERABLE_COROUTINE).
bool generator_is_iterable_coroutine(Object* gen);
// What a suspended `yield from` or `await` of gen delegates to (gi_yieldfrom, cr_await), or None.
Ref generator_delegate(Object* gen);

// ---- the await protocol (objects/coroutine.cpp) ----
void init_coroutine_types();  // after init_generator_type
// GET_AWAITABLE: the iterator `await o` delegates to, with CPython's TypeErrors; `from` 1 or 2 says
// that an `async with`'s __aenter__ or __aexit__ returned `o`.
Ref get_awaitable(Object* o, int from = 0);
// GET_YIELD_FROM_ITER: what `yield from o` delegates to in code with `flags`: a generator or (in a
// coroutine, or a types.coroutine generator) a coroutine as it is, else iter(o).
Ref yield_from_iter(Object* o, int flags);
// ASYNC_GEN_WRAP: marks a value an async generator yields, to tell it from what an await passes on.
Ref async_gen_wrap(Object* value);
// GET_AITER / GET_ANEXT / BEFORE_ASYNC_WITH.
Ref get_aiter(Object* o);
Ref get_anext(Object* aiter);
Ref enter_async_context(Object* mgr, Object** exit_out);
// coroutine.__await__(): an iterator over the coroutine (CPython's coroutine_wrapper).
Ref coroutine_await(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

}  // namespace minipy
