// itertools_terminating.cpp — the itertools iterators that end with their input and give its items
// on (or their running totals): accumulate, chain, compress, dropwhile, takewhile, filterfalse,
// starmap and islice, as CPython 3.11's (pairwise and zip_longest: itertools_zip.cpp). Each takes
// an item from what it wraps only when asked for one of its own, in CPython's order, and holds
// references of its own to whatever Python code could replace meanwhile.
#include <mutex>
#include <vector>

#include "modules/itertools_module.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = ItertoolsArgs;

Type accumulate_type, chain_type, compress_type, dropwhile_type, takewhile_type, filterfalse_type,
    starmap_type, islice_type;

// (type(o), args) or (type(o), args, state): what __reduce__ returns.
Ref reduce_of(Object* o, Ref args, Object* state = nullptr) {
    return reduce_value(type_of(o), std::move(args), state);
}

// ---- accumulate ----

// accumulate(iterable, func=None, *, initial=None): running totals, by + or by func.
struct Accumulate : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* it;         // owned
    Object* binop;      // owned; null: +
    Object* total;      // owned; null until the first item
    Object* initial;    // owned; null once given (or when there is none)
};

Accumulate* as_accumulate(Object* o) { return static_cast<Accumulate*>(o); }

Ref accumulate_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"iterable", "func", "initial"};
    Object* bound[3];
    bind_keywords("accumulate", args, nargs, kw, kNames, 3, 2, 1, bound);
    Ref it = get_iter(bound[0]);
    auto* a = new Accumulate();
    init_header(a, static_cast<Type*>(type));
    a->it = it.release();
    a->binop = bound[1] && bound[1] != None ? newref(bound[1]) : nullptr;
    a->total = nullptr;
    a->initial = bound[2] && bound[2] != None ? newref(bound[2]) : nullptr;
    return Ref::steal(a);
}

Ref accumulate_next(Object* o) {
    Accumulate* a = as_accumulate(o);
    Ref it;
    {
        Ref old_total;
        CriticalSection cs(a->mutex);
        if (a->initial) {
            old_total = Ref::steal(std::exchange(a->total, newref(a->initial)));
            return Ref::steal(std::exchange(a->initial, nullptr));
        }
        it = Ref::borrow(a->it);
    }
    if (!it) return nullptr;
    Ref value = pull(it.get());
    if (!value) return nullptr;
    Ref total, binop;
    {
        CriticalSection cs(a->mutex);
        if (!a->total) {
            a->total = newref(value.get());
            return value;
        }
        total = Ref::borrow(a->total);
        binop = Ref::borrow(a->binop);
    }
    Object* operands[2] = {total.get(), value.get()};
    Ref updated = binop ? call(binop.get(), operands, 2) : binary_op(total.get(), value.get(), BinaryOp::Add);
    store_field(a->mutex, a->total, updated.get());
    return updated;
}

Ref chain_of(Type* t, Ref source);

// (type, (it, func), total). An initial value not given yet goes first in a chain; a total of None
// (which __setstate__ could not tell from no total) is rebuilt as islice(accumulate(chain((None,),
// it), func), 1, None), as CPython does.
Ref accumulate_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("accumulate", "__reduce__", nargs - 1, kw, 0, 0);
    Accumulate* a = as_accumulate(args[0]);
    Ref it, binop, total, initial;
    {
        CriticalSection cs(a->mutex);
        it = Ref::borrow(a->it ? a->it : empty_tuple());
        binop = Ref::borrow(a->binop ? a->binop : None);
        total = Ref::borrow(a->total);
        initial = Ref::borrow(a->initial);
    }
    if (initial || total.get() == None) {
        Object* first = initial ? initial.get() : None;
        Ref head = tuple_from(&first, 1);
        Ref sources = tuple_pair(head.get(), it.get());
        Ref chained = chain_of(&chain_type, tuple_iter_new(sources.get()));
        if (initial) return reduce_of(a, tuple_pair(chained.get(), binop.get()), None);
        Object* restart_args[2] = {chained.get(), binop.get()};
        Ref restarted = call(type_of(a), restart_args, 2);
        Object* islice_args[3] = {restarted.get(), make_small_int(1), None};
        return reduce_value(&islice_type, tuple_from(islice_args, 3));
    }
    return reduce_of(a, tuple_pair(it.get(), binop.get()), total ? total.get() : None);
}

Ref accumulate_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("accumulate", "__setstate__", nargs - 1, kw, 1, 1);
    store_field(as_accumulate(args[0])->mutex, as_accumulate(args[0])->total, args[1]);
    return Ref::borrow(None);
}

void accumulate_traverse(Object* o, VisitProc visit, void* arg) {
    Accumulate* a = as_accumulate(o);
    for (Object* field : {a->it, a->binop, a->total, a->initial}) visit_field(field, visit, arg);
}

void accumulate_clear(Object* o) {
    Accumulate* a = as_accumulate(o);
    for (Object** field : {&a->it, &a->binop, &a->total, &a->initial}) store_field(a->mutex, *field, nullptr);
}

void accumulate_dealloc(Object* o) {
    Accumulate* a = as_accumulate(o);
    for (Object** field : {&a->it, &a->binop, &a->total, &a->initial}) clear_field(*field);
    delete a;
}

const MethodDef kAccumulateMethods[] = {
    {"__reduce__", accumulate_reduce, kReduceDoc},
    {"__setstate__", accumulate_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

// ---- chain ----

// chain(*iterables) and chain.from_iterable(iterables): the items of each iterable in turn.
struct Chain : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* source;     // owned: the iterator over the iterables; null once it is done
    Object* active;     // owned: the iterator over the current iterable, or null
};

Chain* as_chain(Object* o) { return static_cast<Chain*>(o); }

Ref chain_of(Type* t, Ref source) {
    auto* c = new Chain();
    init_header(c, t);
    c->source = source.release();
    c->active = nullptr;
    return Ref::steal(c);
}

Ref chain_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    if (kw && kw->size && refuses_keywords(t, &chain_type)) raise_no_kwargs("chain");
    Ref iterables = tuple_from(args, nargs);
    return chain_of(t, tuple_iter_new(iterables.get()));
}

Ref chain_from_iterable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("chain", "from_iterable", nargs - 1, kw, 1, 1);
    return chain_of(static_cast<Type*>(args[0]), get_iter(args[1]));
}

// The next iterable's iterator, made the active one; null when there are no more. The source is
// dropped once it ends or fails, or an iterable is not iterable, as CPython's chain drops it.
Ref chain_advance(Chain* c, const Ref& source) {
    Ref active;
    try {
        Ref iterable = pull_plain(source.get());
        if (iterable) active = get_iter(iterable.get());
    } catch (PyException&) {
        store_field_if(c->mutex, c->source, source.get(), nullptr);
        throw;
    }
    if (!active) {
        store_field_if(c->mutex, c->source, source.get(), nullptr);
        return nullptr;
    }
    store_field(c->mutex, c->active, active.get());
    return active;
}

Ref chain_next(Object* o) {
    Chain* c = as_chain(o);
    for (;;) {
        Ref source, active;
        {
            CriticalSection cs(c->mutex);
            source = Ref::borrow(c->source);
            active = Ref::borrow(c->active);
        }
        if (!source) return nullptr;
        if (!active && !(active = chain_advance(c, source))) return nullptr;
        // An error leaves the active iterator in place; a StopIteration ends it, as its plain end.
        if (Ref item = pull_plain(active.get())) return item;
        store_field_if(c->mutex, c->active, active.get(), nullptr);
        serve_eval_breaker();
    }
}

// (type, (), (source, active)), (type, (), (source,)) or, once done, (type, ()).
Ref chain_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("chain", "__reduce__", nargs - 1, kw, 0, 0);
    Chain* c = as_chain(args[0]);
    Ref source, active;
    {
        CriticalSection cs(c->mutex);
        source = Ref::borrow(c->source);
        active = Ref::borrow(c->active);
    }
    Ref no_args = Ref::borrow(empty_tuple());
    if (!source) return reduce_of(c, no_args);
    Object* only = source.get();
    Ref state = active ? tuple_pair(source.get(), active.get()) : tuple_from(&only, 1);
    return reduce_of(c, no_args, state.get());
}

Ref chain_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("chain", "__setstate__", nargs - 1, kw, 1, 1);
    Tuple* state = state_tuple(args[1], 1, 2);
    Object* source = state->items[0];
    Object* active = state->size > 1 ? state->items[1] : nullptr;
    if (!type_of(source)->next || (active && !type_of(active)->next))
        raise(&TypeError_type, "Arguments must be iterators.");
    Chain* c = as_chain(args[0]);
    store_field(c->mutex, c->source, source);
    store_field(c->mutex, c->active, active);
    return Ref::borrow(None);
}

void chain_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_chain(o)->source, visit, arg);
    visit_field(as_chain(o)->active, visit, arg);
}

void chain_clear(Object* o) {
    store_field(as_chain(o)->mutex, as_chain(o)->source, nullptr);
    store_field(as_chain(o)->mutex, as_chain(o)->active, nullptr);
}

void chain_dealloc(Object* o) {
    clear_field(as_chain(o)->source);
    clear_field(as_chain(o)->active);
    delete as_chain(o);
}

const MethodDef kChainMethods[] = {
    {"from_iterable", chain_from_iterable,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily.",
     MethodKind::Class},
    {"__reduce__", chain_reduce, kReduceDoc},
    {"__setstate__", chain_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

// ---- compress ----

// compress(data, selectors): the data items whose selector is true. Its fields never change.
struct Compress : Object {
    MINIPY_GC_ALLOCATED
    Object* data;       // owned
    Object* selectors;  // owned
};

Compress* as_compress(Object* o) { return static_cast<Compress*>(o); }

Ref compress_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"data", "selectors"};
    Object* bound[2];
    bind_keywords("compress", args, nargs, kw, kNames, 2, 2, 2, bound);
    Ref data = get_iter(bound[0]);
    Ref selectors = get_iter(bound[1]);
    auto* c = new Compress();
    init_header(c, static_cast<Type*>(type));
    c->data = data.release();
    c->selectors = selectors.release();
    return Ref::steal(c);
}

// A datum first, then its selector, as the pure-Python version: which input may raise first.
Ref compress_next(Object* o) {
    Compress* c = as_compress(o);
    if (!c->data || !c->selectors) return nullptr;
    for (;;) {
        Ref datum = pull(c->data);
        if (!datum) return nullptr;
        Ref selector = pull(c->selectors);
        if (!selector) return nullptr;
        if (is_true(selector.get())) return datum;
        serve_eval_breaker();
    }
}

Ref compress_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("compress", "__reduce__", nargs - 1, kw, 0, 0);
    Compress* c = as_compress(args[0]);
    return reduce_of(
        c, tuple_pair(c->data ? c->data : empty_tuple(), c->selectors ? c->selectors : empty_tuple()));
}

void compress_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_compress(o)->data, visit, arg);
    visit_field(as_compress(o)->selectors, visit, arg);
}

void compress_clear(Object* o) {
    clear_field(as_compress(o)->data);
    clear_field(as_compress(o)->selectors);
}

void compress_dealloc(Object* o) {
    compress_clear(o);
    delete as_compress(o);
}

const MethodDef kCompressMethods[] = {
    {"__reduce__", compress_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- dropwhile, takewhile, filterfalse, starmap: a function and an iterator ----

struct FuncIter : Object {
    MINIPY_GC_ALLOCATED
    Object* func;  // owned
    Object* it;    // owned
    // dropwhile: the predicate has failed once (items pass from then on); takewhile: it has failed
    // (the iterator is done). __setstate__ sets it, so threads may race on it.
    std::atomic<bool> flag{false};
};

FuncIter* as_func_iter(Object* o) { return static_cast<FuncIter*>(o); }

// T(function, iterable), positional only, for `t`: `base` or a class derived from it.
Ref func_iter_new(Object* type, Type* base, const char* name, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    check_unpacked(name, nargs, kw, 2, 2, !refuses_keywords(t, base));
    Ref it = get_iter(args[1]);
    auto* f = new FuncIter();
    init_header(f, t);
    f->func = newref(args[0]);
    f->it = it.release();
    return Ref::steal(f);
}

Ref dropwhile_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    return func_iter_new(type, &dropwhile_type, "dropwhile", args, nargs, kw);
}
Ref takewhile_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    return func_iter_new(type, &takewhile_type, "takewhile", args, nargs, kw);
}
Ref filterfalse_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    return func_iter_new(type, &filterfalse_type, "filterfalse", args, nargs, kw);
}
Ref starmap_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    return func_iter_new(type, &starmap_type, "starmap", args, nargs, kw);
}

Ref dropwhile_next(Object* o) {
    FuncIter* f = as_func_iter(o);
    if (!f->it || !f->func) return nullptr;
    for (;;) {
        Ref item = pull(f->it);
        if (!item) return nullptr;
        if (f->flag.load(std::memory_order_relaxed)) return item;
        Ref good = call1(f->func, item.get());
        if (!is_true(good.get())) {
            f->flag.store(true, std::memory_order_relaxed);
            return item;
        }
        serve_eval_breaker();
    }
}

Ref takewhile_next(Object* o) {
    FuncIter* f = as_func_iter(o);
    if (!f->it || !f->func || f->flag.load(std::memory_order_relaxed)) return nullptr;
    Ref item = pull(f->it);
    if (!item) return nullptr;
    Ref good = call1(f->func, item.get());
    if (is_true(good.get())) return item;
    f->flag.store(true, std::memory_order_relaxed);
    return nullptr;
}

// None and bool test the items themselves, without a call, as CPython's.
Ref filterfalse_next(Object* o) {
    FuncIter* f = as_func_iter(o);
    if (!f->it || !f->func) return nullptr;
    bool plain_truth = f->func == None || f->func == &bool_type;
    for (;;) {
        Ref item = pull(f->it);
        if (!item) return nullptr;
        if (!is_true(plain_truth ? item.get() : call1(f->func, item.get()).get())) return item;
        serve_eval_breaker();
    }
}

// Each item is an argument tuple (any iterable becomes one).
Ref starmap_next(Object* o) {
    FuncIter* f = as_func_iter(o);
    if (!f->it || !f->func) return nullptr;
    Ref call_args = pull(f->it);
    if (!call_args) return nullptr;
    if (type_of(call_args.get()) != &tuple_type) call_args = tuple_from_iterable(call_args.get());
    Tuple* t = as_tuple(call_args.get());
    return call(f->func, t->items, t->size);
}

// (type, (func, it)), with the flag after it for dropwhile and takewhile.
Ref func_iter_reduce(Object* o, bool with_flag) {
    FuncIter* f = as_func_iter(o);
    Ref args = tuple_pair(f->func ? f->func : None, f->it ? f->it : empty_tuple());
    if (!with_flag) return reduce_of(f, std::move(args));
    Object* flag = make_small_int(f->flag.load(std::memory_order_relaxed) ? 1 : 0);
    return reduce_of(f, std::move(args), flag);
}

Ref dropwhile_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("dropwhile", "__reduce__", nargs - 1, kw, 0, 0);
    return func_iter_reduce(args[0], true);
}
Ref takewhile_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("takewhile", "__reduce__", nargs - 1, kw, 0, 0);
    return func_iter_reduce(args[0], true);
}
Ref filterfalse_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("filterfalse", "__reduce__", nargs - 1, kw, 0, 0);
    return func_iter_reduce(args[0], false);
}
Ref starmap_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("starmap", "__reduce__", nargs - 1, kw, 0, 0);
    return func_iter_reduce(args[0], false);
}

// __setstate__(flag): any object, taken by its truth.
Ref flag_setstate(Object* o, Object* state) {
    bool flag = is_true(state);
    as_func_iter(o)->flag.store(flag, std::memory_order_relaxed);
    return Ref::borrow(None);
}
Ref dropwhile_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("dropwhile", "__setstate__", nargs - 1, kw, 1, 1);
    return flag_setstate(args[0], args[1]);
}
Ref takewhile_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("takewhile", "__setstate__", nargs - 1, kw, 1, 1);
    return flag_setstate(args[0], args[1]);
}

void func_iter_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_func_iter(o)->func, visit, arg);
    visit_field(as_func_iter(o)->it, visit, arg);
}

void func_iter_clear(Object* o) {
    clear_field(as_func_iter(o)->func);
    clear_field(as_func_iter(o)->it);
}

void func_iter_dealloc(Object* o) {
    func_iter_clear(o);
    delete as_func_iter(o);
}

const MethodDef kDropwhileMethods[] = {
    {"__reduce__", dropwhile_reduce, kReduceDoc},
    {"__setstate__", dropwhile_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kTakewhileMethods[] = {
    {"__reduce__", takewhile_reduce, kReduceDoc},
    {"__setstate__", takewhile_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kFilterfalseMethods[] = {
    {"__reduce__", filterfalse_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kStarmapMethods[] = {
    {"__reduce__", starmap_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- islice ----

// islice(iterable, stop) or islice(iterable, start, stop[, step]): the items at start, start+step,
// ... below stop, pulling (and dropping) the ones in between only as each is asked for.
struct ISlice : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* it;         // owned; null once the slice is done
    int64_t next;       // the index of the next item to give
    int64_t stop;       // -1: no stop
    int64_t step;
    int64_t cnt;  // how many items have been pulled
};

ISlice* as_islice(Object* o) { return static_cast<ISlice*>(o); }

const char kStopError[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const char kIndicesError[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const char kStepError[] = "Step for islice() must be a positive integer or None.";

// A start or step as CPython converts it: None is `none`, and anything that fails to convert is -1,
// which the caller's range check then refuses with its ValueError, whatever the failure was.
int64_t islice_bound(Object* o, int64_t none) {
    if (o == None) return none;
    try {
        return ssize_arg(o);
    } catch (PyException&) {
        return -1;
    }
}

// The stop: None is -1 (no stop); -1 itself, or a failure, is its own ValueError.
int64_t islice_stop(Object* o) {
    if (o == None) return -1;
    int64_t stop = islice_bound(o, -1);
    if (stop == -1) raise(&ValueError_type, kStopError);
    return stop;
}

Ref islice_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    check_unpacked("islice", nargs, kw, 2, 4, !refuses_keywords(t, &islice_type));
    int64_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        stop = islice_stop(args[1]);
    } else {
        start = islice_bound(args[1], 0);
        stop = islice_stop(args[2]);
    }
    if (start < 0 || stop < -1) raise(&ValueError_type, kIndicesError);
    if (nargs == 4) step = islice_bound(args[3], 1);
    if (step < 1) raise(&ValueError_type, kStepError);
    Ref it = get_iter(args[0]);
    auto* s = new ISlice();
    init_header(s, t);
    s->it = it.release();
    s->next = start;
    s->stop = stop;
    s->step = step;
    s->cnt = 0;
    return Ref::steal(s);
}

// Pulls one item, or null once the source is done. The slice drops its source when it ends or
// raises, as CPython's (it is then exhausted, and frees what the source held).
Ref islice_pull(ISlice* s, const Ref& it) {
    Ref item;
    try {
        item = pull(it.get());
    } catch (PyException&) {
        store_field_if(s->mutex, s->it, it.get(), nullptr);
        throw;
    }
    if (!item) store_field_if(s->mutex, s->it, it.get(), nullptr);
    return item;
}

Ref islice_next(Object* o) {
    ISlice* s = as_islice(o);
    Ref it = load_field(s->mutex, s->it);
    if (!it) return nullptr;
    for (;;) {
        {
            CriticalSection cs(s->mutex);
            if (s->cnt >= s->next) break;
        }
        if (!islice_pull(s, it)) return nullptr;
        {
            CriticalSection cs(s->mutex);
            ++s->cnt;
        }
        serve_eval_breaker();
    }
    bool at_stop;
    {
        CriticalSection cs(s->mutex);
        at_stop = s->stop != -1 && s->cnt >= s->stop;
    }
    if (at_stop) {
        store_field_if(s->mutex, s->it, it.get(), nullptr);
        return nullptr;
    }
    Ref item = islice_pull(s, it);
    if (!item) return nullptr;
    CriticalSection cs(s->mutex);
    ++s->cnt;
    int64_t old_next = s->next;
    // Computed unsigned: a step near sys.maxsize must not overflow.
    s->next = static_cast<int64_t>(static_cast<uint64_t>(s->next) + static_cast<uint64_t>(s->step));
    if (s->next < old_next || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
}

// (type, (it, next, stop, step), cnt); once done, (type, (iter([]), 0), 0).
Ref islice_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("islice", "__reduce__", nargs - 1, kw, 0, 0);
    ISlice* s = as_islice(args[0]);
    Ref it;
    int64_t next, stop, step, cnt;
    {
        CriticalSection cs(s->mutex);
        it = Ref::borrow(s->it);
        next = s->next;
        stop = s->stop;
        step = s->step;
        cnt = s->cnt;
    }
    if (!it) {
        Ref empty = list_new();
        Ref empty_it = list_iter_new(empty.get());
        return reduce_of(s, tuple_pair(empty_it.get(), make_small_int(0)), make_small_int(0));
    }
    Ref next_obj = int_from_i64(next), step_obj = int_from_i64(step), cnt_obj = int_from_i64(cnt);
    Ref stop_obj = stop == -1 ? Ref::borrow(None) : int_from_i64(stop);
    Object* items[4] = {it.get(), next_obj.get(), stop_obj.get(), step_obj.get()};
    return reduce_of(s, tuple_from(items, 4), cnt_obj.get());
}

Ref islice_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("islice", "__setstate__", nargs - 1, kw, 1, 1);
    int64_t cnt = state_ssize(args[1]);
    ISlice* s = as_islice(args[0]);
    CriticalSection cs(s->mutex);
    s->cnt = cnt;
    return Ref::borrow(None);
}

void islice_traverse(Object* o, VisitProc visit, void* arg) { visit_field(as_islice(o)->it, visit, arg); }

void islice_clear(Object* o) { store_field(as_islice(o)->mutex, as_islice(o)->it, nullptr); }

void islice_dealloc(Object* o) {
    clear_field(as_islice(o)->it);
    delete as_islice(o);
}

const MethodDef kIsliceMethods[] = {
    {"__reduce__", islice_reduce, kReduceDoc},
    {"__setstate__", islice_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

void init_terminating_types() {
    init_itertools_type(accumulate_type,
                        {"itertools.accumulate", sizeof(Accumulate), accumulate_dealloc, accumulate_traverse,
                         accumulate_clear, accumulate_next, accumulate_construct, kAccumulateMethods, true,
                         "Return series of accumulated sums (or other binary function results)."});
    init_itertools_type(
        chain_type,
        {"itertools.chain", sizeof(Chain), chain_dealloc, chain_traverse, chain_clear, chain_next,
         chain_construct, kChainMethods, true,
         "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method "
         "returns elements from the\nfirst iterable until it is exhausted, then elements from the "
         "next\niterable, until all of the iterables are exhausted."});
    add_class_getitem(&chain_type);
    init_itertools_type(
        compress_type,
        {"itertools.compress", sizeof(Compress), compress_dealloc, compress_traverse, compress_clear,
         compress_next, compress_construct, kCompressMethods, true,
         "Return data elements corresponding to true selector elements.\n\nForms a shorter "
         "iterator from selected data elements using the selectors to\nchoose the data elements."});
    init_itertools_type(dropwhile_type,
                        {"itertools.dropwhile", sizeof(FuncIter), func_iter_dealloc, func_iter_traverse,
                         func_iter_clear, dropwhile_next, dropwhile_construct, kDropwhileMethods, true,
                         "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return "
                         "every element until the iterable is exhausted."});
    init_itertools_type(
        takewhile_type,
        {"itertools.takewhile", sizeof(FuncIter), func_iter_dealloc, func_iter_traverse, func_iter_clear,
         takewhile_next, takewhile_construct, kTakewhileMethods, true,
         "Return successive entries from an iterable as long as the predicate evaluates to true "
         "for each entry."});
    init_itertools_type(
        filterfalse_type,
        {"itertools.filterfalse", sizeof(FuncIter), func_iter_dealloc, func_iter_traverse, func_iter_clear,
         filterfalse_next, filterfalse_construct, kFilterfalseMethods, true,
         "Return those items of iterable for which function(item) is false.\n\nIf function is "
         "None, return the items that are false."});
    init_itertools_type(starmap_type,
                        {"itertools.starmap", sizeof(FuncIter), func_iter_dealloc, func_iter_traverse,
                         func_iter_clear, starmap_next, starmap_construct, kStarmapMethods, true,
                         "Return an iterator whose values are returned from the function evaluated with an "
                         "argument tuple taken from the given sequence."});
    init_itertools_type(
        islice_type,
        {"itertools.islice", sizeof(ISlice), islice_dealloc, islice_traverse, islice_clear, islice_next,
         islice_construct, kIsliceMethods, true,
         "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> "
         "islice object\n\nReturn an iterator whose next() method returns selected values from "
         "an\niterable.  If start is specified, will skip all preceding elements;\notherwise, "
         "start defaults to zero.  Step defaults to one.  If\nspecified as another value, step "
         "determines how many values are\nskipped between successive calls.  Works like a slice() "
         "on a list\nbut returns an iterator."});
}

}  // namespace

void add_terminating_iterators(Dict* module) {
    static std::once_flag ready;
    std::call_once(ready, init_terminating_types);
    for (Type* t : {&accumulate_type, &chain_type, &compress_type, &dropwhile_type, &takewhile_type,
                    &filterfalse_type, &starmap_type, &islice_type})
        dict_set(module, intern(t->name.substr(t->name.rfind('.') + 1)), t);
}

}  // namespace minipy
