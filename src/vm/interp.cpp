// interp.cpp — the interpreter loop. One function runs every frame of a thread: a Python-to-Python
// call pushes a frame on the value stack and continues here; only native code calling back into
// Python re-enters it. Errors are C++ PyExceptions, caught once around the loop and unwound with
// each code object's exception table. Slow paths live in vm/interp_support.cpp.
#include "vm/interp.h"

#include <cmath>
#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame_object.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "vm/attr_cache.h"
#include "vm/dis.h"
#include "vm/except_star.h"
#include "vm/frame.h"
#include "vm/interp_support.h"
#include "vm/pattern_match.h"
#include "vm/trace_hooks.h"

namespace minipy {

namespace {

bool g_trace = false;
// intern("__class__"), taken once at start (set_builtins_dict): LOAD_ATTR's instance-dict path
// compares each name with it, and a function-local static's guard cost 9 instructions a read.
Str* g_class_name = nullptr;

// The float operators BINARY_OP computes inline when both operands are floats, as a bit set over
// BinaryOp: the test costs one shift whatever the enumeration's order.
constexpr unsigned kFloatInlineOps =
    1u << static_cast<int>(BinaryOp::Add) | 1u << static_cast<int>(BinaryOp::Sub) |
    1u << static_cast<int>(BinaryOp::Mul) | 1u << static_cast<int>(BinaryOp::TrueDiv) |
    1u << static_cast<int>(BinaryOp::Pow);

// BINARY_OP's inline float operands: two exact floats, or an exact float and a small int on either
// side, converted as float's own operators convert an int (round to nearest). bench/pyperf/float.py's
// `cos(i) * 3` and `(x * x) / 2` went through binary_op's slot search at 190 instructions each
// (callgrind).
MINIPY_ALWAYS_INLINE bool float_operands(Object* l, Object* r, double* a, double* b) {
    if (is_small_int(l)) {
        if (is_small_int(r) || r->type != &float_type) return false;
        *a = static_cast<double>(small_int_value(l));
        *b = float_value(r);
        return true;
    }
    if (l->type != &float_type) return false;
    *a = float_value(l);
    if (is_small_int(r)) {
        *b = static_cast<double>(small_int_value(r));
        return true;
    }
    if (r->type != &float_type) return false;
    *b = float_value(r);
    return true;
}

// float_operands for a comparison: a small int only where a double holds it exactly (|i| <= 2**53),
// as float_richcompare compares a larger one exactly.
MINIPY_ALWAYS_INLINE bool float_compare_operands(Object* l, Object* r, double* a, double* b) {
    constexpr int64_t kExact = int64_t{1} << 53;
    auto exact = [](Object* o) {
        return !is_small_int(o) || (small_int_value(o) <= kExact && small_int_value(o) >= -kExact);
    };
    return float_operands(l, r, a, b) && exact(l) && exact(r);
}

// float_result for float_operands' pairs: a small int needs no reference dropped, and the float
// takes the value in place when only the stack holds it.
MINIPY_ALWAYS_INLINE Object* float_operands_result(Object* l, Object* r, double v) {
    if (is_small_int(l)) std::swap(l, r);
    if (!is_small_int(r)) return float_result(l, r, v);
    if (refcount_is_unique(l->refcnt)) {
        static_cast<Float*>(l)->value = v;
        return l;
    }
    Object* result = float_new_raw(v);
    float_decref(l);
    return result;
}

// Gives the thread back the frame chain it had, however run_frame exits.
// It also hands a change of the thread's trace or profile hooks to the loop outside it, whose
// dispatch table was picked before: a change made during this run (a profiler enabled in a `with`
// statement's __enter__), or one made before it that the outer loop had not yet taken when this
// run's own loop took it. The thread is marked again, so that loop picks again at its next check,
// as CPython 3.11 copies `use_tracing` back to the outer frame's cframe.
struct FrameChainGuard {
    ThreadState* ts;
    Frame* saved;
    bool hooks_were_set;
    bool change_untaken;
    explicit FrameChainGuard(ThreadState* t)
        : ts(t), saved(t->frame), hooks_were_set(trace_hooks_set(t)), change_untaken(t->hooks_changed) {}
    ~FrameChainGuard() {
        ts->frame = saved;
        if (change_untaken || trace_hooks_set(ts) != hooks_were_set) mark_hooks_changed(ts);
    }
};

// Sets the new exception's __context__ to the one being handled, as CPython does when raising.
void chain_context(ThreadState* ts, Object* exc) {
    Object* handled = topmost_handled_exc(ts);
    if (!handled || handled == exc || !is_exception_instance(exc)) return;
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (!e->context) e->context = newref(handled);
}

Ref run_frame(ThreadState* ts, Frame* entry, Object* thrown = nullptr);

// Under sys.settrace, CPython 3.11's SEND reports a delegate generator's return to the delegating
// frame as a StopIteration 'exception' event; a hook that raises makes the SEND raise.
MINIPY_COLD void trace_delegate_return(ThreadState* ts, Frame* f, size_t index, Object* value) {
    Ref args = value == None ? tuple_new(0) : tuple_from(&value, 1);
    Ref stop = exception_new(&StopIteration_type, args.get());
    Ref after = trace_exception(ts, f, index, stop);
    if (after.get() != stop.get()) throw PyException(std::move(after));
}

// FOR_ITER's next item while sys.settrace's function is set: a StopIteration that a class's
// __next__ raised ends the loop, as always, but CPython's FOR_ITER first reports it to the trace
// function as an 'exception' event in the looping frame. Iterators of built-in types end without
// an exception and report nothing. Null when exhausted.
MINIPY_COLD Object* for_iter_traced(ThreadState* ts, Frame* f, size_t index, Object* it) {
    static Str* const kNext = intern("__next__");
    Ref method = type_lookup(type_of(it), kNext);
    if (!method || !is_function(method.get())) return iter_next(it).release();
    Ref stop;
    try {
        return call1(method.get(), it).release();
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
        stop = e.take();
    }
    // A hook that raises here is switched off and its exception dropped: CPython's FOR_ITER clears
    // the error after the event, whatever it became.
    trace_exception(ts, f, index, std::move(stop));
    return nullptr;
}

// A generator that a `for` loop resumed returned `value` (owned, not None): CPython 3.11's FOR_ITER
// gets it as StopIteration(value) from the generator's next() and reports it likewise.
MINIPY_COLD void trace_for_iter_return(ThreadState* ts, Frame* f, size_t index, Object* value) {
    Ref owned = Ref::steal(value);
    Ref args = tuple_from(&value, 1);
    trace_exception(ts, f, index, exception_new(&StopIteration_type, args.get()));
}

// builtins.__import__ as the interpreter made it: IMPORT_NAME goes to the import system directly
// while builtins still holds it.
Object* g_import_function = nullptr;

// IMPORT_NAME: the import system, or the function a program put in builtins.__import__, called with
// (name, globals, locals or None, fromlist, level) as CPython's import_name does.
Ref import_statement(Frame* f, Str* name, Object* fromlist, Object* level) {
    static Str* const kImport = intern("__import__");
    Ref import = Ref::steal(namespace_value(f->builtins, kImport));
    if (!import) raise(&ImportError_type, "__import__ not found");
    if (import.get() == g_import_function)
        return import_name(name, fromlist, static_cast<int>(small_int_value(level)));
    Object* args[5] = {name, f->globals, f->locals ? static_cast<Object*>(f->locals) : None, fromlist, level};
    return call(import.get(), args, 5, nullptr);
}

}  // namespace

void set_builtins_dict(Dict* d) {
    g_builtins = d;
    set_running_builtins([] {
        Frame* f = thread_state()->frame;
        return f ? f->builtins : static_cast<Object*>(g_builtins);
    });
    g_class_name = intern("__class__");
    g_import_function = dict_get_str(d, intern("__import__"));
}
void set_trace(bool on) {
    g_trace = on;
    set_trace_gil_handoffs(on);
}
bool trace_enabled() { return g_trace; }

Ref run_function(Function* fn, Object* const* args, size_t nargs, Tuple* kwnames) {
    ThreadState* ts = thread_state();
    Frame* f;
    if ((!kwnames || kwnames->size == 0) && takes_exact_positional(fn->code, nargs)) {
        // A dunder method or callback called from C++ with its exact arguments (bench/classes.py's
        // __add__ and __mul__): no bind_arguments.
        f = push_function_frame_args(ts, fn, args, nargs);
        for (size_t i = 0; i < nargs; ++i) incref(args[i]);
    } else {
        f = push_function_frame(ts, fn);
        try {
            bind_arguments(fn, f->localsplus(), args, nargs, kwnames);
        } catch (...) {
            pop_frame(ts, f);
            throw;
        }
    }
    if (!fn->code->cellvars.empty() || !fn->code->freevars.empty()) init_cells(f, fn);
    if (fn->code->flags & kCoResumable) return generator_from_frame(ts, f);
    return run_frame(ts, f);
}

Ref run_frame_from(ThreadState* ts, Frame* f, Ref thrown) { return run_frame(ts, f, thrown.release()); }

Ref run_class_body_function(Function* body, Dict* ns) {
    ThreadState* ts = thread_state();
    Frame* f = push_function_frame(ts, body);
    f->locals = ns;
    init_cells(f, body);
    return run_frame(ts, f);
}

Ref run_code(Code* code, Dict* globals, Dict* locals, Tuple* closure) {
    ThreadState* ts = thread_state();
    // A function's code has parameters and cells that a call would fill: a function made for it
    // binds no arguments (CPython's TypeError for those that need one) and makes its cells.
    // A generator's frame outlives this call: a function made for it owns the globals and builtins
    // it reads (the frame's `func`); else the caller's globals and this Ref keep them.
    bool resumable = code->flags & kCoResumable;
    Ref builtins = Ref::borrow(builtins_of_globals(globals));
    Ref fn;
    if (resumable || code->total_args() || !code->cellvars.empty() || !code->freevars.empty()) {
        fn = function_new(code, globals);
        Ref cells = closure ? Ref::borrow(closure) : tuple_new(code->freevars.size());
        if (!closure) {
            for (size_t i = 0; i < code->freevars.size(); ++i)
                as_tuple(cells.get())->items[i] = cell_new(nullptr).release();
        }
        as_function(fn.get())->closure = as_tuple(cells.release());
    }
    Frame* f = push_frame(ts, code);
    f->globals = globals;
    f->builtins = builtins.get();
    f->locals = locals;
    if (fn) {
        try {
            if (code->total_args())
                bind_arguments(as_function(fn.get()), f->localsplus(), nullptr, 0, nullptr);
        } catch (...) {
            pop_frame(ts, f);
            throw;
        }
        init_cells(f, as_function(fn.get()));
    }
    if (resumable) {
        f->func = as_function(fn.release());
        return generator_from_frame(ts, f);
    }
    return run_frame(ts, f);
}

namespace {

// GCC only: clang refuses an indirect goto that may cross the scope of a local with a destructor,
// which the loop's cases have (Refs); clang builds (the fuzzers) dispatch with the switch.
#if defined(__GNUC__) && !defined(__clang__)
#define MINIPY_COMPUTED_GOTO 1
#else
#define MINIPY_COMPUTED_GOTO 0
#endif

// The cases are written once; these macros make them either labels for computed gotos (one
// indirect jump per instruction, better branch prediction) or the cases of a portable switch.
// GCC runs no destructor when a computed goto leaves a scope: a case releases every Ref it holds
// before DISPATCH() (an inline __init__'s returned None leaked a reference per instance so).
#if MINIPY_COMPUTED_GOTO
#define TARGET(name) op_##name:
#define DISPATCH()                                        \
    do {                                                  \
        word = *ip++;                                     \
        goto* dispatch_table[static_cast<uint8_t>(word)]; \
    } while (0)
#else
#define TARGET(name) case Op::name:
#define DISPATCH() continue
#endif

#define ARG (word >> 8)
// Raises exception `e` (a Ref) in the running frame: straight to the unwinder, as the catch at
// the loop's end would, without the C++ throw and catch, which cost more than the rest of a raise
// (bench/exceptions.py: 1.16 s user with them, 0.49 s without; python3 0.46 s).
#define RAISE_HERE(e)                 \
    do {                              \
        exc = (e);                    \
        add_traceback = true;         \
        chain_context(ts, exc.get()); \
        goto unwind;                  \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define LOAD_FRAME()                           \
    do {                                       \
        co = f->code;                          \
        ip = f->ip;                            \
        sp = f->sp;                            \
        lp = f->localsplus();                  \
        consts = co->consts.data();            \
        names = co->names.data();              \
        first_instr = co->instructions.data(); \
    } while (0)
// sys.settrace's and sys.setprofile's events before an instruction, with f->ip and f->sp saved. A
// trace function that set f_lineno moved them (a jump): the instruction to run is the one it returns.
#define TRACE_HOOKS_BEFORE_INSTRUCTION()                                                          \
    do {                                                                                          \
        size_t run_ = trace_before_instruction(ts, f, static_cast<size_t>(ip - first_instr - 1)); \
        ip = f->ip;                                                                               \
        sp = f->sp;                                                                               \
        word = first_instr[run_];                                                                 \
    } while (0)
// What a check does when it finds the eval breaker raised. A change of this thread's own hooks (a
// sys.setprofile that just returned) is taken, and the dispatch table picked again, first: before
// handle_eval_breaker can raise a KeyboardInterrupt past the picking, or hand the GIL to a thread
// that would find the flag still raised for this thread at each of its own checks meanwhile.
#define SERVE_EVAL_BREAKER()                           \
    do {                                               \
        if (take_hooks_changed(ts)) SELECT_DISPATCH(); \
        handle_eval_breaker(ts);                       \
    } while (0)
// A jump to instruction `target`. Going backward (a loop's end, and the conditional jumps that
// close a loop, such as a comprehension's `if`), it first serves the eval breaker: Ctrl-C, a
// signal, a thread's turn at the GIL or a stop of the world reach every loop. That comes before
// the jump, so that an exception it raises belongs to the jump instruction, inside the loop's
// `try` (it was raised at the loop's first instruction, which can be outside: `try: while True:
// pass` let its KeyboardInterrupt escape the handler).
#define JUMP_TO(target)                                                \
    do {                                                               \
        const uint32_t* dest_ = first_instr + (target);                \
        if (dest_ < ip && eval_breaker.raised()) SERVE_EVAL_BREAKER(); \
        ip = dest_;                                                    \
    } while (0)
// Releases `v` (may be null); when that frees it, the frame's line is brought up to date first, so
// that what its finalizer reports (a __del__ reading the caller's line, CPython's "coroutine 'f'
// was never awaited") names the line that dropped it. The fast path, a count that stays above
// zero, costs nothing more than xdecref.
#define XDECREF_AT_LINE(v)                                                           \
    do {                                                                             \
        Object* dropped_ = (v);                                                      \
        if (dropped_ && !is_small_int(dropped_) && refcount_dec(dropped_->refcnt)) { \
            f->ip = ip;                                                              \
            dealloc_object(dropped_);                                                \
        }                                                                            \
    } while (0)
// SEND and FOR_ITER go on in the generator's frame `gf`, just pushed by generator_enter: its
// YIELD_VALUE or RETURN_VALUE comes back here, as a call's RETURN_VALUE does, without the C++
// recursion of generator_send and run_frame. Each nested `yield from` level used to cost a
// run_frame entry. bench/pyperf/generators.py (20,000 nodes, twice; callgrind instructions):
// 499.9M with run_frame per resume, 444.6M resumed here, 378.5M with the frame run in place in the
// generator rather than copied onto the stack and back at each resume and yield.
// A block, not do-while(0): DISPATCH() is `continue` in the switch build.
// The eval breaker is checked as at a call: sys.settrace takes effect in the generator.
#define SWITCH_TO_GENERATOR(gf)                          \
    {                                                    \
        f->ip = ip;                                      \
        f->sp = sp;                                      \
        f = (gf);                                        \
        ts->frame = f;                                   \
        LOAD_FRAME();                                    \
        if (eval_breaker.raised()) SERVE_EVAL_BREAKER(); \
        DISPATCH();                                      \
    }

// `thrown` (owned, or null) is raised before the first instruction: gen.throw().
Ref run_frame(ThreadState* ts, Frame* entry, Object* thrown) {
    entry->is_entry = true;  // before anything ends it: a generator's end asks whose run it was
    if (c_stack_exhausted(ts)) {
        xdecref(thrown);
        Ref exc = make_exception(&RecursionError_type, "maximum recursion depth exceeded");
        if (entry->generator)
            exc = generator_raised(ts, entry, std::move(exc));
        else
            pop_frame(ts, entry);
        throw PyException(std::move(exc));
    }
    FrameChainGuard guard(ts);
    ts->frame = entry;

    Frame* f = entry;
    Code* co;
    const uint32_t* ip;
    const uint32_t* first_instr;
    Object** sp;
    Object** lp;
    Object* const* consts;
    Str* const* names;
    uint32_t word = 0;
    Tuple* kwnames = nullptr;
    Ref exc;
    bool add_traceback = true;
    LOAD_FRAME();

#if MINIPY_COMPUTED_GOTO
    static void* const kOpLabels[] = {
#define MINIPY_OP_LABEL(name, kind, effect, jump_effect, doc) &&op_##name,
        MINIPY_OPCODES(MINIPY_OP_LABEL)
#undef MINIPY_OP_LABEL
    };
    static void* const kTraceLabels[] = {
#define MINIPY_OP_TRACE(name, kind, effect, jump_effect, doc) &&trace_instruction,
        MINIPY_OPCODES(MINIPY_OP_TRACE)
#undef MINIPY_OP_TRACE
    };
    // Every instruction goes through `trace_instruction` while --trace or sys.settrace/setprofile
    // want it; the eval breaker's checks pick up a change (sys.settrace marks the thread for it).
    auto pick_dispatch_table = [&] { return g_trace || trace_hooks_set(ts) ? kTraceLabels : kOpLabels; };
    void* const* dispatch_table = pick_dispatch_table();
#define SELECT_DISPATCH() (dispatch_table = pick_dispatch_table())
#define INSTRUCTIONS_TRACED() (dispatch_table != kOpLabels)
#else
#define SELECT_DISPATCH() ((void)0)
#define INSTRUCTIONS_TRACED() (g_trace || trace_hooks_set(ts))
#endif

    for (;;) {
        try {
            // gen.throw(): the exception is raised at the instruction the generator is suspended
            // after. Checked here, where the loop is only entered at the start and after an exception.
            if (thrown) {
                Ref pending = Ref::steal(std::exchange(thrown, nullptr));
                if (trace_hooks_set(ts)) trace_throw_into(ts, f);
                throw PyException(std::move(pending));
            }
#if MINIPY_COMPUTED_GOTO
            DISPATCH();
        trace_instruction:
            f->sp = sp;
            f->ip = ip;
            if (g_trace)
                trace_instruction_line(f, static_cast<size_t>(ip - first_instr - 1), f->stack_base(), sp);
            TRACE_HOOKS_BEFORE_INSTRUCTION();
            goto* kOpLabels[static_cast<uint8_t>(word)];
#else
            for (;;) {
                word = *ip++;
                if (g_trace)
                    trace_instruction_line(f, static_cast<size_t>(ip - first_instr - 1), f->stack_base(), sp);
                if (trace_hooks_set(ts)) {
                    f->sp = sp;
                    f->ip = ip;
                    TRACE_HOOKS_BEFORE_INSTRUCTION();
                }
                switch (instr_op(word)) {
#endif

            TARGET(NOP) { DISPATCH(); }
            TARGET(POP_TOP) {
                XDECREF_AT_LINE(POP());
                DISPATCH();
            }
            TARGET(PUSH_NULL) {
                PUSH(nullptr);
                DISPATCH();
            }
            TARGET(COPY) {
                Object* v = PEEK(ARG);
                PUSH(newref(v));
                DISPATCH();
            }
            TARGET(SWAP) {
                std::swap(sp[-1], sp[-static_cast<int>(ARG)]);
                DISPATCH();
            }
            TARGET(LOAD_CONST) {
                PUSH(newref(consts[ARG]));
                DISPATCH();
            }
            TARGET(LOAD_FAST) {
                Object* v = lp[ARG];
                if (!v) raise_unbound_local(co, ARG);
                PUSH(newref(v));
                DISPATCH();
            }
            TARGET(STORE_FAST) {
                Object* old = lp[ARG];
                lp[ARG] = POP();
                XDECREF_AT_LINE(old);
                DISPATCH();
            }
            TARGET(DELETE_FAST) {
                Object* old = lp[ARG];
                if (!old) raise_unbound_local(co, ARG);
                lp[ARG] = nullptr;
                XDECREF_AT_LINE(old);
                DISPATCH();
            }
            TARGET(LOAD_DEREF) {
                Object* v = static_cast<Cell*>(lp[co->nlocals() + ARG])->ref;
                if (!v) raise_unbound_deref(co, ARG);
                PUSH(newref(v));
                DISPATCH();
            }
            TARGET(LOAD_CLASSDEREF) {
                f->ip = ip;  // a namespace's __getitem__ may run Python code
                PUSH(load_class_deref(f, ARG));
                DISPATCH();
            }
            TARGET(STORE_DEREF) {
                Cell* cell = static_cast<Cell*>(lp[co->nlocals() + ARG]);
                Object* old = cell->ref;
                cell->ref = POP();
                xdecref(old);
                DISPATCH();
            }
            TARGET(DELETE_DEREF) {
                Cell* cell = static_cast<Cell*>(lp[co->nlocals() + ARG]);
                Object* old = cell->ref;
                if (!old) raise_unbound_deref(co, ARG);
                cell->ref = nullptr;
                decref(old);
                DISPATCH();
            }
            TARGET(LOAD_CLOSURE) {
                PUSH(newref(lp[co->nlocals() + ARG]));
                DISPATCH();
            }
            TARGET(LOAD_NAME) {
                // At module level (the locals are the globals, a plain dict) a name resolves as
                // LOAD_GLOBAL resolves it, so LOAD_GLOBAL's cache serves (indexed like `names`).
                bool module_level = f->locals == f->globals && is_exact(f->locals, &dict_type);
                PUSH(module_level ? load_module_name(f, ARG) : load_name(f, names[ARG]));
                DISPATCH();
            }
            TARGET(STORE_NAME) {
                f->ip = ip;  // the value it replaces may be freed: see XDECREF_AT_LINE
                if (f->locals == f->globals && is_exact(f->locals, &dict_type)) {
                    store_module_global(f->globals, names[ARG], TOP(), co->global_cache[ARG]);
                } else if (is_exact(f->locals, &dict_type)) {
                    dict_set(f->locals, names[ARG], TOP());
                } else {
                    set_item(f->locals, names[ARG], TOP());  // a dict subclass from __prepare__
                }
                decref(POP());
                DISPATCH();
            }
            TARGET(DELETE_NAME) {
                f->ip = ip;
                if (!is_exact(f->locals, &dict_type)) {
                    delete_name_mapping(f->locals, names[ARG]);
                } else if (!dict_del(f->locals, names[ARG])) {
                    raise_name_error(names[ARG]);
                }
                DISPATCH();
            }
            TARGET(LOAD_GLOBAL) {
                Object* v = load_global_cached(co->global_cache[ARG >> 1], f);
                if (!v) v = load_global_slow(f, ARG >> 1);
                if (ARG & 1) PUSH(nullptr);
                PUSH(v);
                DISPATCH();
            }
            TARGET(STORE_GLOBAL) {
                f->ip = ip;
                store_module_global(f->globals, names[ARG], TOP(), co->global_cache[ARG]);
                decref(POP());
                DISPATCH();
            }
            TARGET(DELETE_GLOBAL) {
                f->ip = ip;
                if (!dict_del(f->globals, names[ARG])) raise_name_error(names[ARG]);
                DISPATCH();
            }
            TARGET(LOAD_ATTR) {
                Object* o = TOP();
                Type* t = type_of(o);
                // An attribute in a plain instance's __dict__: read here, without the calls through
                // get_attr_opt and the type's slot. With the __init__, bound-method and super() paths
                // of CALL and LOAD_METHOD, bench/pyperf/deltablue.py went from 1.38 s to 1.17 s user
                // time (python3 0.63 s in the same run).
                // `__class__` is the exception: object's descriptor answers it before the dict.
                bool dict_checked = reads_instance_dict_first(t);
                AttrCache& cache = co->attr_cache[ARG];
                if (dict_checked) {
                    if (Object* v = dict_get_str_hinted(static_cast<Instance*>(o)->dict, names[ARG],
                                                        &cache.dict_hint)) {
                        if (names[ARG] != g_class_name) [[likely]] {
                            sp[-1] = v;
                            decref(o);
                            DISPATCH();
                        }
                        decref(v);
                    }
                }
                // A method, class attribute or property: what the mro holds, from the cache.
                // On a class itself (`Strength.REQUIRED`), the entry is the class's.
                bool on_class = t == &type_type;
                if (AttrCacheHit hit; attr_cache_read(cache, on_class ? static_cast<Type*>(o) : t, &hit)) {
                    Object* v = on_class
                                    ? (hit.kind == AttrKind::ClassAttribute ? newref(hit.value) : nullptr)
                                    : load_attr_hit(o, names[ARG], hit, dict_checked, &cache.dict_hint);
                    if (v) {
                        sp[-1] = v;
                        decref(o);
                        DISPATCH();
                    }
                } else {
                    attr_cache_fill(cache, o, names[ARG], on_class);
                }
                f->ip = ip;  // a frame object's f_lineno reads it (`frame.f_lineno` of this frame)
                Object* v = get_attr(o, names[ARG]).release();
                sp[-1] = v;
                decref(o);
                DISPATCH();
            }
            TARGET(STORE_ATTR) {
                Object* o = TOP();
                Type* t = type_of(o);
                // A plain instance: straight into its __dict__, unless a data descriptor (property,
                // slot) on the type takes the value.
                AttrCache& cache = co->attr_cache[ARG];
                if (AttrCacheHit hit; attr_cache_read(cache, t, &hit)) {
                    if (hit.kind == AttrKind::DataDescriptor) {
                        auto* m = static_cast<MemberDescriptor*>(hit.value);
                        if (type_of(m) == &member_descriptor_type && m->kind == MemberKind::InInstance)
                            member_write_in_instance(m, static_cast<Instance*>(o)->slots, PEEK(2));
                        else
                            data_descriptor_set(hit.value, o, PEEK(2));
                        decref(POP());
                        decref(POP());
                        DISPATCH();
                    }
                    if (is_instance_kind(hit.kind) && static_cast<Instance*>(o)->dict) {
                        dict_set_str_hinted(static_cast<Instance*>(o)->dict, names[ARG], PEEK(2),
                                            &cache.dict_hint);
                        decref(POP());
                        decref(POP());
                        DISPATCH();
                    }
                } else {
                    attr_cache_fill(cache, o, names[ARG], false);
                }
                set_attr(o, names[ARG], PEEK(2));
                decref(POP());
                decref(POP());
                DISPATCH();
            }
            TARGET(DELETE_ATTR) {
                del_attr(TOP(), names[ARG]);
                decref(POP());
                DISPATCH();
            }
            TARGET(LOAD_METHOD) {
                // A method found on the type is pushed unbound with self after it, so CALL
                // passes self as the first argument and no bound-method object is made.
                Object* o = TOP();
                Type* t = type_of(o);
                AttrCache& cache = co->attr_cache[ARG];
                if (AttrCacheHit hit; attr_cache_read(cache, t, &hit)) {
                    if (hit.kind == AttrKind::NativeMethod) {
                        sp[-1] = newref(hit.value);
                        PUSH(o);
                        DISPATCH();
                    }
                    if (hit.kind == AttrKind::SubclassMethod && !side_dict_may_shadow(o, names[ARG])) {
                        sp[-1] = newref(hit.value);
                        PUSH(o);
                        DISPATCH();
                    }
                    // The method, unless the instance's __dict__ shadows it.
                    if (hit.kind == AttrKind::Method) {
                        Dict* own = static_cast<Instance*>(o)->dict;
                        if (!own || !dict_contains_str(own, names[ARG])) {
                            sp[-1] = newref(hit.value);
                            PUSH(o);
                            DISPATCH();
                        }
                    }
                } else {
                    attr_cache_fill(cache, o, names[ARG], false);
                }
                if (!t->getattr) {
                    Ref d = type_lookup(t, names[ARG]);
                    if (d && is_method_descriptor(d.get()) &&
                        d.as<MethodDescriptor>()->def->kind == MethodKind::Instance) {
                        sp[-1] = d.release();
                        PUSH(o);
                        DISPATCH();
                    }
                } else if (Dict * own;
                           is_instance_getattr(t->getattr) && (!(own = static_cast<Instance*>(o)->dict) ||
                                                               !dict_contains_str(own, names[ARG]))) {
                    Ref d = type_lookup(t, names[ARG]);
                    if (d && is_function(d.get())) {
                        sp[-1] = d.release();
                        PUSH(o);
                        DISPATCH();
                    }
                }
                if (t == &super_type) {  // super().m(...): no bound method either
                    Object* self;
                    if (Object* fn = super_method(o, names[ARG], &self).release()) {
                        sp[-1] = fn;
                        PUSH(newref(self));
                        decref(o);
                        DISPATCH();
                    }
                }
                Object* v = get_attr(o, names[ARG]).release();
                sp[-1] = nullptr;
                PUSH(v);
                decref(o);
                DISPATCH();
            }
            TARGET(BINARY_OP) {
                Object* r = TOP();
                Object* l = PEEK(2);
                uint32_t op = ARG & ~kInplaceFlag;
                if (is_small_int(l) && is_small_int(r)) {
                    int64_t a = small_int_value(l), b = small_int_value(r), res = 0;
                    bool done = true;
                    switch (static_cast<BinaryOp>(op)) {
                        case BinaryOp::Add:
                            res = a + b;
                            break;
                        case BinaryOp::Sub:
                            res = a - b;
                            break;
                        case BinaryOp::Mul:
                            done = !__builtin_mul_overflow(a, b, &res);
                            break;
                        case BinaryOp::FloorDiv:
                            done = b != 0;
                            if (done) res = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
                            break;
                        case BinaryOp::Mod:
                            done = b != 0;
                            if (done) res = a % b, res += (res != 0 && ((res < 0) != (b < 0))) ? b : 0;
                            break;
                        case BinaryOp::And:
                            res = a & b;
                            break;
                        case BinaryOp::Or:
                            res = a | b;
                            break;
                        case BinaryOp::Xor:
                            res = a ^ b;
                            break;
                        default:
                            done = false;
                            break;
                    }
                    if (done && fits_small_int(res)) {
                        sp[-2] = make_small_int(res);
                        --sp;
                        DISPATCH();
                    }
                } else if (double a, b; (kFloatInlineOps >> op & 1) && float_operands(l, r, &a, &b)) {
                    double res = 0;
                    bool done = true;
                    switch (static_cast<BinaryOp>(op)) {
                        case BinaryOp::Add:
                            res = a + b;
                            break;
                        case BinaryOp::Sub:
                            res = a - b;
                            break;
                        case BinaryOp::Mul:
                            res = a * b;
                            break;
                        case BinaryOp::TrueDiv:
                            done = b != 0;
                            res = done ? a / b : 0;
                            break;
                        case BinaryOp::Pow:
                            // A positive finite base and a finite exponent, where float_pow is C's
                            // pow with no special case; an overflow is left to it (OverflowError).
                            // nbody's `d2 ** (-1.5)`.
                            done = a > 0 && std::isfinite(a) && std::isfinite(b);
                            if (done) res = std::pow(a, b);
                            done = done && std::isfinite(res);
                            break;
                        default:
                            done = false;
                            break;
                    }
                    if (done) {
                        sp[-2] = float_operands_result(l, r, res);
                        --sp;
                        DISPATCH();
                    }
                }
                Object* v = ((ARG & kInplaceFlag) ? inplace_op(l, r, static_cast<BinaryOp>(op))
                                                  : binary_op(l, r, static_cast<BinaryOp>(op)))
                                .release();
                decref(l);
                decref(r);
                sp[-2] = v;
                --sp;
                DISPATCH();
            }
            TARGET(UNARY_NEGATIVE) {
                Object* v = unary_neg(TOP()).release();
                decref(TOP());
                sp[-1] = v;
                DISPATCH();
            }
            TARGET(UNARY_POSITIVE) {
                Object* v = unary_pos(TOP()).release();
                decref(TOP());
                sp[-1] = v;
                DISPATCH();
            }
            TARGET(UNARY_INVERT) {
                Object* v = unary_invert(TOP()).release();
                decref(TOP());
                sp[-1] = v;
                DISPATCH();
            }
            TARGET(UNARY_NOT) {
                bool b = is_true(TOP());
                decref(TOP());
                sp[-1] = bool_obj(!b);
                DISPATCH();
            }
            TARGET(COMPARE_OP) {
                Object* r = TOP();
                Object* l = PEEK(2);
                if (is_small_int(l) && is_small_int(r)) {
                    int64_t a = small_int_value(l), b = small_int_value(r);
                    bool res = compare_values(a, b, static_cast<CompareOp>(ARG));
                    sp[-2] = bool_obj(res);
                    --sp;
                    DISPATCH();
                }
                // Two floats, or a float and a small int (bench/pyperf/chaos.py's `t > 1`: compare()
                // and float_compare took 33M of its 2373M instructions, callgrind).
                if (double a, b; float_compare_operands(l, r, &a, &b)) {
                    bool res = compare_values(a, b, static_cast<CompareOp>(ARG));
                    if (!is_small_int(l)) float_decref(l);
                    if (!is_small_int(r)) float_decref(r);
                    sp[-2] = bool_obj(res);
                    --sp;
                    DISPATCH();
                }
                // Two exact strs: their texts, without compare()'s slot search, as str_compare
                // (bench/pyperf/pystone.py compares characters and strings: compare() and
                // str_compare took 63M of its 1253M instructions, callgrind).
                if (is_str(l) && is_str(r)) {
                    bool res = str_compare_texts(as_str(l), as_str(r), static_cast<CompareOp>(ARG));
                    decref(l);
                    decref(r);
                    sp[-2] = bool_obj(res);
                    --sp;
                    DISPATCH();
                }
                Object* v = compare(l, r, static_cast<CompareOp>(ARG)).release();
                decref(l);
                decref(r);
                sp[-2] = v;
                --sp;
                DISPATCH();
            }
            TARGET(IS_OP) {
                bool res = (PEEK(2) == TOP()) != (ARG == 1);
                decref(POP());
                decref(TOP());
                sp[-1] = bool_obj(res);
                DISPATCH();
            }
            TARGET(CONTAINS_OP) {
                bool res = contains(TOP(), PEEK(2)) != (ARG == 1);
                decref(POP());
                decref(TOP());
                sp[-1] = bool_obj(res);
                DISPATCH();
            }
            TARGET(BINARY_SUBSCR) {
                Object* key = TOP();
                Object* o = PEEK(2);
                Object* v = nullptr;
                // A miss in an exact list, tuple or dict raises here, not by a C++ throw from
                // get_item: `try: x = d[k] except KeyError:` is common (importing typing,
                // dataclasses, re and json missed 140 times).
                if (type_of(o) == &list_type && is_small_int(key)) {
                    int64_t i = small_int_value(key);
                    List* list = as_list(o);
                    if (i < 0) i += static_cast<int64_t>(list->items.size());
                    v = list_get_new(o, static_cast<size_t>(i < 0 ? INT64_MAX : i));
                    if (!v) RAISE_HERE(index_out_of_range("list"));
                } else if (type_of(o) == &tuple_type && is_small_int(key)) {
                    // A tuple's items never change: read in place. bench/pyperf/nqueens.py's
                    // `pool[i]` and `vec[i]` went through get_item's slot call at 30 instructions.
                    int64_t i = small_int_value(key);
                    Tuple* tuple = as_tuple(o);
                    if (i < 0) i += static_cast<int64_t>(tuple->size);
                    if (i < 0 || static_cast<size_t>(i) >= tuple->size)
                        RAISE_HERE(index_out_of_range("tuple"));
                    v = newref(tuple->items[i]);
                } else if (type_of(o) == &dict_type) {
                    v = dict_get_ref(as_dict(o), key).release();
                    if (!v) RAISE_HERE(key_error(key));
                }
                if (!v) v = get_item(o, key).release();
                decref(key);
                decref(o);
                sp[-2] = v;
                --sp;
                DISPATCH();
            }
            TARGET(STORE_SUBSCR) {
                Object* key = TOP();
                Object* o = PEEK(2);
                bool stored = false;
                if (type_of(o) == &list_type && is_small_int(key)) {
                    int64_t i = small_int_value(key);
                    if (i < 0) i += static_cast<int64_t>(as_list(o)->items.size());
                    stored = list_set(o, static_cast<size_t>(i < 0 ? INT64_MAX : i), PEEK(3));
                }
                if (!stored) set_item(o, key, PEEK(3));
                decref(POP());
                decref(POP());
                decref(POP());
                DISPATCH();
            }
            TARGET(DELETE_SUBSCR) {
                del_item(PEEK(2), TOP());
                decref(POP());
                decref(POP());
                DISPATCH();
            }
            TARGET(BUILD_SLICE) {
                Object* step = ARG == 3 ? TOP() : None;
                Object** base = sp - ARG;
                Object* v = slice_new(base[0], base[1], step).release();
                while (sp > base) decref(POP());
                PUSH(v);
                DISPATCH();
            }
            TARGET(BUILD_TUPLE) {
                Object* t = tuple_new(ARG).release();
                Tuple* tuple = as_tuple(t);
                sp -= ARG;
                for (uint32_t i = 0; i < ARG; ++i) tuple->items[i] = sp[i];
                PUSH(t);
                DISPATCH();
            }
            TARGET(BUILD_LIST) {
                Object* l = list_new(ARG).release();
                List* list = as_list(l);
                sp -= ARG;
                list->items.assign(sp, sp + ARG);
                PUSH(l);
                DISPATCH();
            }
            TARGET(BUILD_SET) {
                Object* s = build_set(sp - ARG, ARG).release();
                for (uint32_t i = 0; i < ARG; ++i) decref(POP());
                PUSH(s);
                DISPATCH();
            }
            TARGET(BUILD_MAP) {
                Object** base = sp - 2 * ARG;
                Object* d = build_map(base, ARG).release();
                while (sp > base) decref(POP());
                PUSH(d);
                DISPATCH();
            }
            TARGET(BUILD_STRING) {
                Object* s = build_string(sp - ARG, ARG).release();
                for (uint32_t i = 0; i < ARG; ++i) decref(POP());
                PUSH(s);
                DISPATCH();
            }
            TARGET(LIST_APPEND) {
                list_append(PEEK(ARG + 1), TOP());
                decref(POP());
                DISPATCH();
            }
            TARGET(SET_ADD) {
                set_add(PEEK(ARG + 1), TOP());
                decref(POP());
                DISPATCH();
            }
            TARGET(MAP_ADD) {
                dict_set(as_dict(PEEK(ARG + 2)), PEEK(2), TOP());
                decref(POP());
                decref(POP());
                DISPATCH();
            }
            TARGET(LIST_EXTEND) {
                list_extend_checked(PEEK(ARG + 1), TOP());
                decref(POP());
                DISPATCH();
            }
            TARGET(SET_UPDATE) {
                set_update(PEEK(ARG + 1), TOP());
                decref(POP());
                DISPATCH();
            }
            TARGET(DICT_UPDATE) {
                dict_update_checked(as_dict(PEEK(ARG + 1)), TOP());
                decref(POP());
                DISPATCH();
            }
            TARGET(DICT_MERGE) {
                dict_merge_kwargs(as_dict(PEEK(ARG + 1)), TOP(), PEEK(ARG + 3));
                decref(POP());
                DISPATCH();
            }
            TARGET(LIST_TO_TUPLE) {
                Object* t = tuple_from_iterable(TOP()).release();
                decref(TOP());
                sp[-1] = t;
                DISPATCH();
            }
            TARGET(UNPACK_SEQUENCE) {
                Object* seq = TOP();
                unpack_sequence(seq, ARG, sp - 1);
                decref(seq);
                sp += static_cast<ptrdiff_t>(ARG) - 1;  // signed: `[] = x` unpacks zero items
                DISPATCH();
            }
            TARGET(UNPACK_TO_FAST) {
                // An exact tuple or list of ARG items: the STORE_FASTs that follow run in
                // unpack_to_locals, without a dispatch each, unless they are being traced.
                Object* seq = TOP();
                size_t n = ARG;
                if (!INSTRUCTIONS_TRACED() && unpack_to_locals(f, seq, n, ip, lp)) {
                    ip += n;
                    --sp;
                    decref(seq);
                    DISPATCH();
                }
                unpack_sequence(seq, n, sp - 1);
                decref(seq);
                sp += static_cast<ptrdiff_t>(n) - 1;
                DISPATCH();
            }
            TARGET(UNPACK_EX) {
                Object* seq = TOP();
                size_t before = ARG & 0xff, after = ARG >> 8;
                unpack_ex(seq, before, after, sp - 1);
                decref(seq);
                sp += before + after;
                DISPATCH();
            }
            TARGET(GET_LEN) {
                Object* n = int_from_i64(length(TOP())).release();
                PUSH(n);
                DISPATCH();
            }
            TARGET(MATCH_SEQUENCE) {
                Object* is_sequence = bool_obj(match_sequence(TOP()));
                PUSH(is_sequence);
                DISPATCH();
            }
            TARGET(MATCH_MAPPING) {
                Object* is_mapping = bool_obj(match_mapping(TOP()));
                PUSH(is_mapping);
                DISPATCH();
            }
            TARGET(MATCH_KEYS) {
                Object* values = match_keys(PEEK(2), TOP()).release();
                PUSH(values);
                DISPATCH();
            }
            TARGET(MATCH_CLASS) {
                Object* attrs = match_class(PEEK(3), PEEK(2), ARG, TOP()).release();
                decref(POP());
                decref(POP());
                decref(TOP());
                sp[-1] = attrs;
                DISPATCH();
            }
            TARGET(GET_ITER) {
                Object* it = get_iter(TOP()).release();
                decref(TOP());
                sp[-1] = it;
                DISPATCH();
            }
            TARGET(GET_YIELD_FROM_ITER) {
                Object* it = yield_from_iter(TOP(), co->flags).release();
                decref(TOP());
                sp[-1] = it;
                DISPATCH();
            }
            TARGET(FOR_ITER) {
                Object* it = TOP();
                Object* next;
                if (type_of(it) == &range_iterator_type) {
                    next = range_iter_next_inline(it);
                } else if (type_of(it) == &list_iterator_type) {
                    next = list_iter_next_inline(it);
                } else if (Frame* gf =
                               type_of(it) == &generator_type ? generator_enter(ts, it, None) : nullptr) {
                    SWITCH_TO_GENERATOR(gf)
                } else if (ts->trace_func) {
                    f->ip = ip;
                    f->sp = sp;
                    next = for_iter_traced(ts, f, static_cast<size_t>(ip - first_instr - 1), it);
                } else {
                    next = iter_next(it).release();
                }
                if (next) {
                    PUSH(next);
                    DISPATCH();
                }
                decref(POP());
                ip = first_instr + ARG;
                DISPATCH();
            }
            TARGET(JUMP_FORWARD) {
                ip = first_instr + ARG;
                DISPATCH();
            }
            TARGET(JUMP_BACKWARD) {
                JUMP_TO(ARG);
                DISPATCH();
            }
            TARGET(POP_JUMP_IF_FALSE) {
                Object* v = TOP();
                bool b = v == True ? true : v == False ? false : is_true(v);
                decref(POP());
                if (!b) JUMP_TO(ARG);
                DISPATCH();
            }
            TARGET(POP_JUMP_IF_TRUE) {
                Object* v = TOP();
                bool b = v == True ? true : v == False ? false : is_true(v);
                decref(POP());
                if (b) JUMP_TO(ARG);
                DISPATCH();
            }
            TARGET(JUMP_IF_FALSE_OR_POP) {
                if (!is_true(TOP())) {
                    JUMP_TO(ARG);
                } else {
                    decref(POP());
                }
                DISPATCH();
            }
            TARGET(JUMP_IF_TRUE_OR_POP) {
                if (is_true(TOP())) {
                    JUMP_TO(ARG);
                } else {
                    decref(POP());
                }
                DISPATCH();
            }
            TARGET(KW_NAMES) {
                kwnames = as_tuple(consts[ARG]);
                DISPATCH();
            }
            TARGET(CALL) {
                // Stack: [callable, self, args...] after LOAD_METHOD, else [NULL, callable, args...].
                uint32_t n = ARG;
                Object** base = sp - n - 2;
                Tuple* kw = kwnames;
                kwnames = nullptr;
                size_t nkw = kw ? kw->size : 0;
                Object* init = nullptr;  // owned: the __init__ of a class being called, run inline
                if (!base[0]) {
                    Object* c = base[1];
                    if (type_of(c) == &method_type && is_function(static_cast<Method*>(c)->func)) {
                        // A bound method of a Python function (super().m, a classmethod, a method
                        // kept in a variable) runs as LOAD_METHOD's pair would: no call_object.
                        base[0] = newref(static_cast<Method*>(c)->func);
                        base[1] = newref(static_cast<Method*>(c)->self);
                        decref(c);
                    } else if (bool object_init = false;
                               type_of(c) == &type_type &&
                               (init = inline_init(static_cast<Type*>(c), &object_init).release())) {
                        // C(...) of a plain class: its __init__ runs as a frame of this loop, with
                        // the new instance left below on the caller's stack as the call's result
                        // (RETURN_VALUE of an is_init frame keeps it), without call_object, type_call
                        // and a nested run_frame (see LOAD_ATTR for the figure).
                        Object* self;
                        try {
                            self = bare_instance(static_cast<Type*>(c)).release();
                        } catch (...) {
                            decref(init);
                            throw;
                        }
                        base[0] = init;
                        base[1] = self;
                        decref(c);
                    } else if (object_init && n == 0 && !kw) {
                        // C() of a plain class with object's __init__: the bare instance is all the
                        // call makes. With LOAD_NAME's cache, a module-level loop making 200,000
                        // two-node cycles went from 911.8M to 756.9M instructions (python3 776.4M).
                        Object* self = bare_instance(static_cast<Type*>(c)).release();
                        decref(c);
                        sp = base;
                        PUSH(self);
                        DISPATCH();
                    }
                }
                bool is_method = base[0] != nullptr;
                Object* callable = is_method ? base[0] : base[1];
                Object** args = is_method ? base + 1 : base + 2;
                size_t total = is_method ? n + 1 : n;
                if (type_of(callable) == &function_type) {
                    Function* fn = as_function(callable);
                    Code* callee = fn->code;
                    Object* instance =
                        init ? args[0] : nullptr;  // __init__'s self, kept before a cell may take it
                    Frame* nf;
                    if (!kw && takes_exact_positional(callee, total)) {
                        nf = push_function_frame_args(ts, fn, args, total);
                    } else {
                        nf = push_function_frame(ts, fn);
                        Object** nlp = nf->localsplus();
                        try {
                            bind_arguments(fn, nlp, args, total - nkw, kw);
                        } catch (...) {
                            pop_frame(ts, nf);
                            throw;
                        }
                        for (size_t i = 0; i < total; ++i) decref(args[i]);
                    }
                    if (!callee->cellvars.empty() || !callee->freevars.empty()) init_cells(nf, fn);
                    decref(callable);
                    sp = base;
                    if (init) {
                        PUSH(newref(instance));  // alive: __init__ holds it as self
                        nf->is_init = true;
                    } else if (callee->flags & kCoResumable) {
                        f->ip = ip;  // a coroutine's cr_origin records this line
                        PUSH(generator_from_frame(ts, nf).release());
                        DISPATCH();
                    }
                    f->ip = ip;
                    f->sp = sp;
                    f = nf;
                    ts->frame = f;
                    LOAD_FRAME();
                    if (eval_breaker.raised()) SERVE_EVAL_BREAKER();
                    DISPATCH();
                }
                f->ip = ip;  // sys._getframe() and frame snapshots read the line from it
                f->sp = sp;
                Object* result = (ts->profile_func ? profiled_call(ts, f, f->lasti(), callable, args,
                                                                   total - nkw, kw, is_method)
                                                   : call_object(callable, args, total - nkw, kw, is_method))
                                     .release();
                while (sp > base) xdecref(POP());
                PUSH(result);
                // As CPython 3.11's CALL: what the call asked for (a signal it sent, a thread's
                // request for the GIL) is served at it, so a KeyboardInterrupt is raised there.
                if (eval_breaker.raised()) SERVE_EVAL_BREAKER();
                DISPATCH();
            }
            TARGET(CALL_FUNCTION_EX) {
                Object* kwargs = (ARG & 1) ? TOP() : nullptr;
                Object** base = sp - 3 - (ARG & 1);
                f->ip = ip;
                f->sp = sp;
                Object* result = (ts->profile_func ? profiled_call_with_star_args(ts, f, f->lasti(), base[1],
                                                                                  base[2], kwargs)
                                                   : call_with_star_args(base[1], base[2], kwargs))
                                     .release();
                while (sp > base) xdecref(POP());
                PUSH(result);
                DISPATCH();
            }
            TARGET(MAKE_FUNCTION) {
                Object* fn = function_new(as_code(TOP()), f->globals).release();
                Function* func = as_function(fn);
                decref(POP());
                if (ARG & kMakeClosure) func->closure = as_tuple(POP());
                if (ARG & kMakeAnnotations) func->annotations = POP();
                if (ARG & kMakeKwDefaults) func->kwdefaults = as_dict(POP());
                if (ARG & kMakeDefaults) func->defaults = as_tuple(POP());
                PUSH(fn);
                DISPATCH();
            }
            TARGET(RETURN_VALUE) {
                Object* result = POP();
                f->ip = ip;  // the line a frame object kept after the frame ends reports
                f->sp = sp;
                Frame* prev = f->previous;
                bool is_entry = f->is_entry;
                if (f->generator) {
                    generator_returned(ts, f);
                    if (is_entry) return Ref::steal(result);
                    f = prev;
                    ts->frame = f;
                    LOAD_FRAME();
                    // Back in the SEND or FOR_ITER that resumed it: the iterator is done.
                    uint32_t resumer = ip[-1];
                    decref(TOP());
                    if (instr_op(resumer) == Op::SEND) {
                        sp[-1] = result;  // the value of the `yield from` or `await`
                        if (trace_hooks_set(ts)) {
                            f->sp = sp;
                            trace_delegate_return(ts, f, static_cast<size_t>(ip - first_instr - 1), result);
                        }
                    } else {
                        --sp;
                        if (result != None && trace_hooks_set(ts)) {
                            f->sp = sp;
                            trace_for_iter_return(ts, f, static_cast<size_t>(ip - first_instr - 1), result);
                        } else {
                            decref(result);
                        }
                    }
                    ip = first_instr + instr_arg(resumer);
                    DISPATCH();
                }
                bool is_init = f->is_init;
                // The caller is the running frame while the locals go, as in CPython: a finalizer
                // they run sees it as its caller, and a warning it gives names the caller's line.
                ts->frame = prev;
                pop_frame_inline(ts, f);
                if (is_entry) return Ref::steal(result);
                f = prev;
                ts->frame = f;
                LOAD_FRAME();
                if (is_init) {
                    // The instance is on the stack already; the returned None's reference is
                    // dropped (the GIL flavor counts None's references: sys.getrefcount(None) grew
                    // by one per instance made).
                    if (result != None) {
                        Ref returned = Ref::steal(result);
                        raise_init_returned(returned.get());
                    }
                    decref(result);
                    DISPATCH();
                }
                PUSH(result);
                DISPATCH();
            }
            TARGET(YIELD_VALUE) {
                Object* v = POP();
                // Drained by list(g)/tuple(g)/set(g) (YieldSink): the value is theirs, and the frame
                // runs on with None as the yield's result, what their next() would have sent.
                if (f->is_entry && !trace_hooks_set(ts) && yield_to_sink(f->generator, v)) {
                    PUSH(newref(None));
                    DISPATCH();
                }
                f->ip = ip;
                f->sp = sp;
                Frame* prev = f->previous;
                bool is_entry = f->is_entry;
                generator_suspend(ts, f);
                if (is_entry) return Ref::steal(v);
                // Resumed by SEND or FOR_ITER in this loop: the value is what they push.
                f = prev;
                ts->frame = f;
                LOAD_FRAME();
                PUSH(v);
                DISPATCH();
            }
            TARGET(SEND) {
                if (Frame* gf = generator_enter(ts, PEEK(2), TOP())) {
                    decref(POP());  // the generator's frame holds the value sent
                    SWITCH_TO_GENERATOR(gf)
                }
                Ref out;
                bool yielded = yield_from_send(PEEK(2), TOP(), &out);
                if (!yielded && trace_hooks_set(ts)) {
                    f->ip = ip;
                    f->sp = sp;
                    trace_send_returned(ts, f, f->lasti(), PEEK(2), TOP(), out.get());
                }
                decref(POP());
                if (yielded) {
                    PUSH(out.release());
                } else {
                    decref(TOP());
                    sp[-1] = out.release();
                    ip = first_instr + ARG;
                }
                DISPATCH();
            }
            TARGET(RAISE_VARARGS) {
                if (ARG == 0) {
                    exc = reraise_current(ts);
                    add_traceback = false;
                    goto unwind;
                }
                Object* cause = ARG == 2 ? TOP() : nullptr;
                Ref e = make_raised_exception(PEEK(ARG), cause);
                for (uint32_t i = ARG; i > 0; --i) decref(POP());
                RAISE_HERE(std::move(e));
            }
            TARGET(RERAISE) {
                exc = Ref::steal(POP());
                add_traceback = false;
                goto unwind;
            }
            TARGET(PUSH_EXC_INFO) {
                Object* e = TOP();
                Object*& slot = ts->exc_info->exc;
                sp[-1] = slot ? slot : None;
                slot = newref(e);
                PUSH(e);
                DISPATCH();
            }
            TARGET(POP_EXCEPT) {
                Object* prev = POP();
                xdecref(std::exchange(ts->exc_info->exc, prev == None ? nullptr : prev));
                DISPATCH();
            }
            TARGET(CHECK_EG_MATCH) {
                Ref match, rest;
                except_star_match(PEEK(2), TOP(), &match, &rest);
                if (match.get() != None) {  // the clause's body handles its match (sys.exception())
                    xdecref(std::exchange(ts->exc_info->exc, newref(match.get())));
                }
                decref(POP());
                decref(TOP());
                sp[-1] = rest.release();
                PUSH(match.release());
                DISPATCH();
            }
            TARGET(PREP_RERAISE_STAR) {
                Object* result = prep_reraise_star(PEEK(2), TOP()).release();
                decref(POP());
                decref(TOP());
                sp[-1] = result;
                DISPATCH();
            }
            TARGET(CHECK_EXC_MATCH) {
                bool match = exception_matches(PEEK(2), TOP());
                decref(TOP());
                sp[-1] = bool_obj(match);
                DISPATCH();
            }
            TARGET(LOAD_BUILD_CLASS) {
                Object* b = namespace_value(f->builtins, intern("__build_class__"));
                if (!b) raise(&NameError_type, "__build_class__ not found");
                PUSH(b);
                DISPATCH();
            }
            TARGET(LOAD_ASSERTION_ERROR) {
                PUSH(&AssertionError_type);
                DISPATCH();
            }
            TARGET(BEFORE_WITH) {
                Object* mgr = TOP();
                Object* exit_fn = nullptr;
                Object* entered = enter_context(mgr, &exit_fn).release();
                sp[-1] = exit_fn;
                decref(mgr);
                PUSH(entered);
                DISPATCH();
            }
            TARGET(SETUP_ANNOTATIONS) {
                setup_annotations(f->locals);
                DISPATCH();
            }
            TARGET(BEFORE_ASYNC_WITH) {
                Object* mgr = TOP();
                Object* exit_fn = nullptr;
                Object* awaitable = enter_async_context(mgr, &exit_fn).release();
                sp[-1] = exit_fn;
                decref(mgr);
                PUSH(awaitable);
                DISPATCH();
            }
            TARGET(GET_AWAITABLE) {
                Object* it = get_awaitable(TOP(), static_cast<int>(ARG)).release();
                decref(TOP());
                sp[-1] = it;
                DISPATCH();
            }
            TARGET(GET_AITER) {
                Object* it = get_aiter(TOP()).release();
                decref(TOP());
                sp[-1] = it;
                DISPATCH();
            }
            TARGET(GET_ANEXT) {
                Object* awaitable = get_anext(TOP()).release();
                PUSH(awaitable);
                DISPATCH();
            }
            TARGET(END_ASYNC_FOR) {
                if (is_instance(TOP(), &StopAsyncIteration_type)) {
                    decref(POP());
                    decref(POP());
                    DISPATCH();
                }
                exc = Ref::steal(POP());
                add_traceback = false;
                goto unwind;
            }
            TARGET(ASYNC_GEN_WRAP) {
                Object* w = async_gen_wrap(TOP()).release();
                decref(TOP());
                sp[-1] = w;
                DISPATCH();
            }
            TARGET(WITH_EXCEPT_START) {
                Object* res = call_exit_with_exception(PEEK(3), TOP()).release();
                PUSH(res);
                DISPATCH();
            }
            TARGET(FORMAT_VALUE) {
                Object* spec = (ARG & kFormatHasSpec) ? TOP() : nullptr;
                Object* value = spec ? PEEK(2) : TOP();
                Object* s = format_value_op(value, ARG & kFormatConvMask, spec).release();
                if (spec) decref(POP());
                decref(TOP());
                sp[-1] = s;
                DISPATCH();
            }
            TARGET(IMPORT_NAME) {
                Object* fromlist = TOP();
                Object* m = import_statement(f, names[ARG], fromlist, PEEK(2)).release();
                decref(POP());
                decref(TOP());
                sp[-1] = m;
                DISPATCH();
            }
            TARGET(IMPORT_FROM) {
                Object* v = import_from(TOP(), names[ARG]).release();
                PUSH(v);
                DISPATCH();
            }
            TARGET(IMPORT_STAR) {
                import_star(TOP(), f->locals ? f->locals : f->globals);
                decref(POP());
                DISPATCH();
            }
            TARGET(PRINT_EXPR) {
                embedding_hooks().display(TOP());
                decref(POP());
                DISPATCH();
            }

#if !MINIPY_COMPUTED_GOTO
        }
    }
#endif
}
catch (PyException& e) {
    bool unwound = e.unwound();
    exc = e.take();
    add_traceback = true;
    if (!unwound) chain_context(ts, exc.get());
}
catch (std::bad_alloc&) {
    exc = make_exception(&MemoryError_type, "");
    add_traceback = true;
}
catch (std::length_error&) {  // a std::vector or std::string asked for more than it can hold
    exc = make_exception(&MemoryError_type, "");
    add_traceback = true;
}

unwind :
    // Find the innermost handler, leaving frames that have none (each adds its line to the
    // traceback on the way out, as CPython's PyTraceBack_Here does).
    for (;;) {
    size_t index = static_cast<size_t>(ip - first_instr - 1);
    if (add_traceback && is_exception_instance(exc.get())) traceback_here(exc.get(), f, index);
    f->ip = ip;
    f->sp = sp;
    if (add_traceback && trace_hooks_set(ts)) exc = trace_exception(ts, f, index, std::move(exc));
    add_traceback = true;
    kwnames = nullptr;
    bool cleanup_reraise = first_instr[index] == make_instr(Op::RERAISE, 1);
    if (const ExceptionEntry* h = co->handler_at(index)) {
        // A clean-up's re-raise keeps the instruction it re-raises for, as CPython's RERAISE 1.
        if (!cleanup_reraise) f->raised_at = static_cast<uint32_t>(index);
        Object** target = f->stack_base() + h->depth;
        while (sp > target) xdecref(POP());
        PUSH(exc.release());
        ip = first_instr + h->handler;
        break;
    }
    if (trace_hooks_set(ts)) exc = trace_unwound(ts, f, index, std::move(exc));
    // A clean-up's re-raise (RERAISE 1) leaves the frame where the exception was raised, as in
    // CPython: its f_lineno (tb.tb_frame's) names that line, not the clean-up's.
    if (cleanup_reraise) f->ip = first_instr + f->raised_at + 1;
    Frame* prev = f->previous;
    bool is_entry = f->is_entry;
    if (f->generator) {
        exc = generator_raised(ts, f, std::move(exc));
    } else {
        ts->frame = prev;  // as on a return
        pop_frame(ts, f);
    }
    if (is_entry) throw PyException(std::move(exc), true);
    f = prev;
    ts->frame = f;
    LOAD_FRAME();
}
}
}

}  // namespace

}  // namespace minipy
