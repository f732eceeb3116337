// itertools_module.cpp — the native `itertools` module, CPython 3.11's Modules/itertoolsmodule.c
// rebuilt: the helpers its iterator types share, the infinite iterators count, cycle and repeat,
// and the module itself. The other types live by kind in itertools_terminating.cpp,
// itertools_zip.cpp, itertools_tee.cpp and itertools_combinatoric.cpp. Every type is a real class
// (itertools.count), pickles and copies through __reduce__/__setstate__ as in 3.11, and takes its
// lock only around its own fields, never while the Python code it calls runs.
#include "modules/itertools_module.h"

#include <algorithm>
#include <climits>
#include <mutex>

#include "modules/registry.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

const char kReduceDoc[] = "Return state information for pickling.";
const char kSetStateDoc[] = "Set state information for unpickling.";
const char kSizeofDoc[] = "Returns size in memory, in bytes.";

// ---- shared helpers ----

Ref pull(Object* it) {
    RecursionGuard guard;
    return iter_next_raising(it);
}

Ref pull_plain(Object* it) {
    NextSlot next = type_of(it)->next;
    if (!next) return iter_next(it);  // its TypeError
    RecursionGuard guard;
    try {
        return next(it);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
    }
    return nullptr;
}

void serve_eval_breaker() {
    if (eval_breaker.raised()) handle_eval_breaker(thread_state());
}

void check_unpacked(const char* name, size_t nargs, Tuple* kwnames, size_t min, size_t max,
                    bool keywords_allowed) {
    if (!keywords_allowed && kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs >= min && nargs <= max) return;
    // raise_arg_count's texts, but for one argument PyArg_UnpackTuple's "expected 1 argument".
    if (min == 1 && max == 1) raise(&TypeError_type, format("%s expected 1 argument, got %zu", name, nargs));
    raise_arg_count(name, min, max, nargs);
}

void bind_keywords(const char* fname, ItertoolsArgs args, size_t nargs, Tuple* kwnames,
                   const char* const* names, size_t n_names, size_t max_positional, size_t required,
                   Object** out) {
    size_t given = nargs + (kwnames ? kwnames->size : 0);
    if (given > n_names)
        raise(&TypeError_type, format("%s() takes at most %zu %sargument%s (%zu given)", fname, n_names,
                                      nargs == 0 ? "keyword " : "", n_names == 1 ? "" : "s", given));
    if (nargs > max_positional)
        raise(&TypeError_type, format("%s() takes %s %zu positional argument%s (%zu given)", fname,
                                      required < max_positional ? "at most" : "exactly", max_positional,
                                      max_positional == 1 ? "" : "s", nargs));
    bind_args(fname, args, nargs, kwnames, names, n_names, required, out);
}

int64_t ssize_arg(Object* o) {
    Ref value = is_int(o) ? Ref::borrow(o) : index_value(o);
    if (!value) raise_not_an_integer(o);
    int64_t v;
    if (!int_to_i64(value.get(), &v))
        raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    return v;
}

int64_t state_ssize(Object* o) {
    if (!is_int(o)) raise(&TypeError_type, "an integer is required");
    int64_t v;
    if (!int_to_i64(o, &v)) raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    return v;
}

int int_arg(Object* o) {
    Ref value = is_int(o) ? Ref::borrow(o) : index_value(o);
    if (!value) raise_not_an_integer(o);
    int64_t v;
    if (!int_to_i64(value.get(), &v)) raise(&OverflowError_type, "Python int too large to convert to C long");
    if (v > INT_MAX) raise(&OverflowError_type, "signed integer is greater than maximum");
    if (v < INT_MIN) raise(&OverflowError_type, "signed integer is less than minimum");
    return static_cast<int>(v);
}

Tuple* state_tuple(Object* state, size_t min, size_t max) {
    if (!is_instance(state, &tuple_type)) raise(&TypeError_type, "state is not a tuple");
    size_t n = as_tuple(state)->size;
    if (n >= min && n <= max) return as_tuple(state);
    const char* bound = min == max ? "exactly" : n < min ? "at least" : "at most";
    size_t shown = n < min ? min : max;
    raise(&TypeError_type,
          format("function takes %s %zu argument%s (%zu given)", bound, shown, shown == 1 ? "" : "s", n));
}

void check_state_item(Object* item, size_t position, Type* want, const char* want_name) {
    if (!is_instance(item, want))
        raise(&TypeError_type,
              format("argument %zu must be %s, not %s", position, want_name, type_of(item)->name.c_str()));
}

std::string shown_type_name(Object* o) {
    const std::string& name = type_of(o)->name;
    size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(dot + 1);
}

void init_itertools_type(Type& t, const IteratorTypeSpec& spec) {
    t.traverse = spec.traverse;
    t.clear = spec.clear;
    t.construct = spec.construct;
    t.methods = spec.methods;
    t.is_basetype = spec.subclassable;
    t.constructs_subclasses = spec.subclassable;
    if (spec.next) {
        init_iterator_type(t, spec.name, spec.size, spec.dealloc, spec.next);
    } else {  // tee's data links, which are no iterators
        t.name = spec.name;
        t.instance_size = spec.size;
        t.dealloc = spec.dealloc;
        init_type(&t);
    }
    if (spec.doc) dict_set(t.dict, intern("__doc__"), str_new(spec.doc).get());
}

namespace {

using Args = ItertoolsArgs;

Type count_type, cycle_type, repeat_type;

// ---- count ----

// count(start=0, step=1). Like CPython's, it counts in a machine integer while it can ("fast mode":
// an int start and a step of exactly 1) and in Python numbers otherwise. Threads may share one
// counter (asyncio names its tasks from one count().__next__), so each step is taken under the lock.
constexpr int64_t kSlowMode = INT64_MAX;  // `cnt` once counting is in Python numbers

struct Count : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    int64_t cnt = 0;    // the next value, below kSlowMode
    Object* long_cnt;   // owned: the next value in slow mode; null: kSlowMode itself
    Object* long_step;  // owned: the step (1 in fast mode)
};

Count* as_count(Object* o) { return static_cast<Count*>(o); }

// CPython's PyNumber_Check: ints, floats, complex numbers and whatever converts with __index__,
// __int__ or __float__ (Decimal, Fraction).
bool is_number(Object* o) {
    if (is_int(o) || is_float(o) || is_instance(o, &complex_type)) return true;
    for (const char* name : {"__index__", "__int__", "__float__"})
        if (type_lookup(type_of(o), intern(name))) return true;
    return false;
}

Ref count_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"start", "step"};
    Object* bound[2];
    bind_keywords("count", args, nargs, kw, kNames, 2, 2, 0, bound);
    Object* start = bound[0];
    Object* step = bound[1];
    if ((start && !is_number(start)) || (step && !is_number(step)))
        raise(&TypeError_type, "a number is required");
    int64_t first = 0;
    bool fast = (!start || is_int(start)) && (!step || is_int(step));
    if (fast && start) fast = int_to_i64(start, &first);
    int64_t step_value = 1;
    if (fast && step) fast = int_to_i64(step, &step_value) && step_value == 1;
    auto* c = new Count();
    init_header(c, static_cast<Type*>(type));
    Ref self = Ref::steal(c);
    c->long_step = newref(step ? step : make_small_int(1));
    c->cnt = fast ? first : kSlowMode;
    c->long_cnt = fast ? nullptr : newref(start ? start : make_small_int(0));
    return self;
}

// Whether a + b for these operands runs no Python code (exact ints, floats, complex numbers), so a
// slow-mode step may run under the counter's lock.
bool adds_natively(Object* o) {
    Type* t = type_of(o);
    return t == &int_type || t == &float_type || t == &complex_type;
}

Ref count_next(Object* o) {
    Count* c = as_count(o);
    Ref current, step;
    {
        CriticalSection cs(c->mutex);
        if (c->cnt != kSlowMode) return int_from_i64(c->cnt++);
        if (!c->long_step) return nullptr;  // cleared by the collector
        if (!c->long_cnt) c->long_cnt = int_from_i64(kSlowMode).release();
        if (adds_natively(c->long_cnt) && adds_natively(c->long_step)) {
            Ref next = binary_op(c->long_cnt, c->long_step, BinaryOp::Add);
            return Ref::steal(std::exchange(c->long_cnt, next.release()));
        }
        current = Ref::borrow(c->long_cnt);
        step = Ref::borrow(c->long_step);
    }
    Ref next = binary_op(current.get(), step.get(), BinaryOp::Add);
    store_field_if(c->mutex, c->long_cnt, current.get(), next.get());
    return current;
}

// What repr and __reduce__ show: the next value, and the step (null in fast mode).
void count_state(Count* c, Ref* value, Ref* step) {
    CriticalSection cs(c->mutex);
    if (c->cnt != kSlowMode) {
        *value = int_from_i64(c->cnt);
        return;
    }
    *value = c->long_cnt ? Ref::borrow(c->long_cnt) : int_from_i64(kSlowMode);
    *step = Ref::borrow(c->long_step ? c->long_step : make_small_int(1));
}

// "count(3)", "count(3.5, 0.5)": the step is left out when it is an int equal to 1.
Ref count_repr(Object* o) {
    Ref value, step;
    count_state(as_count(o), &value, &step);
    std::string text = shown_type_name(o) + "(" + repr_utf8(value.get());
    int64_t step_value = 0;
    if (step && !(is_int(step.get()) && int_to_i64(step.get(), &step_value) && step_value == 1))
        text += ", " + repr_utf8(step.get());
    return str_new(text + ")");
}

// (type, (cnt,)) in fast mode, (type, (cnt, step)) otherwise.
Ref count_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("count", "__reduce__", nargs - 1, kw, 0, 0);
    Ref value, step;
    count_state(as_count(args[0]), &value, &step);
    Object* items[2] = {value.get(), step.get()};
    return reduce_value(type_of(args[0]), tuple_from(items, step ? 2 : 1));
}

void count_dealloc(Object* o) {
    Count* c = as_count(o);
    clear_field(c->long_cnt);
    clear_field(c->long_step);
    delete c;
}

void count_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_count(o)->long_cnt, visit, arg);
    visit_field(as_count(o)->long_step, visit, arg);
}

void count_clear(Object* o) {
    Count* c = as_count(o);
    Ref cnt, step;
    CriticalSection cs(c->mutex);
    cnt = Ref::steal(std::exchange(c->long_cnt, nullptr));
    step = Ref::steal(std::exchange(c->long_step, nullptr));
    c->cnt = kSlowMode;
}

const MethodDef kCountMethods[] = {
    {"__reduce__", count_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- cycle ----

// cycle(iterable): the items of one pass are saved, then given again and again.
struct Cycle : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* it;         // owned; null once the first pass has ended
    Object* saved;      // owned list: the items seen
    int64_t index = 0;  // the next item of `saved` to give after the first pass
    // __setstate__'s flag: `saved` already holds the items `it` will give, so they are not saved twice.
    bool firstpass = false;
};

Cycle* as_cycle(Object* o) { return static_cast<Cycle*>(o); }

// How many items the saved list holds, as the list itself knows it: a subclass's __len__ would run
// Python code under the cycle's lock.
int64_t saved_size(Object* saved) {
    List* l = as_list(saved);
    CriticalSection cs(l->mutex);
    return static_cast<int64_t>(l->items.size());
}

Ref cycle_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    check_unpacked("cycle", nargs, kw, 1, 1, !refuses_keywords(t, &cycle_type));
    Ref it = get_iter(args[0]);
    Ref saved = list_new();
    auto* c = new Cycle();
    init_header(c, t);
    c->it = it.release();
    c->saved = saved.release();
    return Ref::steal(c);
}

Ref cycle_next(Object* o) {
    Cycle* c = as_cycle(o);
    if (Ref it = load_field(c->mutex, c->it)) {
        if (Ref item = pull_plain(it.get())) {
            CriticalSection cs(c->mutex);
            if (!c->firstpass && c->saved) list_append(c->saved, item.get());
            return item;
        }
        store_field_if(c->mutex, c->it, it.get(), nullptr);
    }
    CriticalSection cs(c->mutex);
    if (!c->saved) return nullptr;
    // The saved list is reachable from __reduce__'s state, so its length may have changed.
    Ref item = list_get_opt(c->saved, static_cast<size_t>(c->index));
    if (!item) {
        c->index = 0;
        item = list_get_opt(c->saved, 0);
        if (!item) return nullptr;
    }
    if (++c->index >= saved_size(c->saved)) c->index = 0;
    return item;
}

// (type, (it,), (saved, firstpass)); after the first pass `it` is an iterator over `saved` set to
// the next item, with firstpass true.
Ref cycle_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("cycle", "__reduce__", nargs - 1, kw, 0, 0);
    Cycle* c = as_cycle(args[0]);
    Ref it, saved;
    int64_t index;
    bool firstpass;
    {
        CriticalSection cs(c->mutex);
        it = Ref::borrow(c->it);
        saved = c->saved ? Ref::borrow(c->saved) : list_new();
        index = c->index;
        firstpass = c->firstpass;
    }
    if (!it) {
        it = get_iter(saved.get());
        if (index != 0) {
            Ref index_obj = int_from_i64(index);
            call1(get_attr(it.get(), intern("__setstate__")).get(), index_obj.get());
        }
        firstpass = true;
    }
    Object* source = it.get();
    Ref ctor_args = tuple_from(&source, 1);
    Ref state = tuple_pair(saved.get(), bool_obj(firstpass));
    return reduce_value(type_of(c), std::move(ctor_args), state.get());
}

// __setstate__((saved, firstpass)).
Ref cycle_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("cycle", "__setstate__", nargs - 1, kw, 1, 1);
    Tuple* state = state_tuple(args[1], 2, 2);
    check_state_item(state->items[0], 1, &list_type, "list");
    int firstpass = int_arg(state->items[1]);
    Cycle* c = as_cycle(args[0]);
    store_field(c->mutex, c->saved, state->items[0]);
    CriticalSection cs(c->mutex);
    c->firstpass = firstpass != 0;
    c->index = 0;
    return Ref::borrow(None);
}

void cycle_dealloc(Object* o) {
    Cycle* c = as_cycle(o);
    clear_field(c->it);
    clear_field(c->saved);
    delete c;
}

void cycle_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_cycle(o)->it, visit, arg);
    visit_field(as_cycle(o)->saved, visit, arg);
}

void cycle_clear(Object* o) {
    Cycle* c = as_cycle(o);
    store_field(c->mutex, c->it, nullptr);
    store_field(c->mutex, c->saved, nullptr);
}

const MethodDef kCycleMethods[] = {
    {"__reduce__", cycle_reduce, kReduceDoc},
    {"__setstate__", cycle_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

// ---- repeat ----

// repeat(object[, times]): the object, `times` times or endlessly.
struct Repeat : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* element;    // owned; null once cleared by the collector
    int64_t cnt;        // how many are left; -1: endless
};

Repeat* as_repeat(Object* o) { return static_cast<Repeat*>(o); }

Ref repeat_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"object", "times"};
    Object* bound[2];
    bind_keywords("repeat", args, nargs, kw, kNames, 2, 2, 1, bound);
    int64_t cnt = -1;
    if (bound[1]) cnt = std::max<int64_t>(ssize_arg(bound[1]), 0);  // a negative count is 0
    auto* r = new Repeat();
    init_header(r, static_cast<Type*>(type));
    r->element = newref(bound[0]);
    r->cnt = cnt;
    return Ref::steal(r);
}

Ref repeat_next(Object* o) {
    Repeat* r = as_repeat(o);
    CriticalSection cs(r->mutex);
    if (r->cnt == 0 || !r->element) return nullptr;
    if (r->cnt > 0) --r->cnt;
    return Ref::borrow(r->element);
}

// The element and the count left, read together.
Ref repeat_element(Repeat* r, int64_t* cnt) {
    CriticalSection cs(r->mutex);
    *cnt = r->cnt;
    return Ref::borrow(r->element ? r->element : None);
}

Ref repeat_repr(Object* o) {
    int64_t cnt;
    Ref element = repeat_element(as_repeat(o), &cnt);
    std::string text = shown_type_name(o) + "(" + repr_utf8(element.get());
    if (cnt >= 0) text += format(", %lld", static_cast<long long>(cnt));
    return str_new(text + ")");
}

Ref repeat_length_hint(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("repeat", "__length_hint__", nargs - 1, kw, 0, 0);
    int64_t cnt;
    repeat_element(as_repeat(args[0]), &cnt);
    if (cnt < 0) raise(&TypeError_type, "len() of unsized object");
    return int_from_i64(cnt);
}

// (type, (object,)) endless, (type, (object, times left)) otherwise.
Ref repeat_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("repeat", "__reduce__", nargs - 1, kw, 0, 0);
    int64_t cnt;
    Ref element = repeat_element(as_repeat(args[0]), &cnt);
    Ref left = int_from_i64(cnt);
    Object* items[2] = {element.get(), left.get()};
    return reduce_value(type_of(args[0]), tuple_from(items, cnt >= 0 ? 2 : 1));
}

void repeat_dealloc(Object* o) {
    clear_field(as_repeat(o)->element);
    delete as_repeat(o);
}

void repeat_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_repeat(o)->element, visit, arg);
}

void repeat_clear(Object* o) { store_field(as_repeat(o)->mutex, as_repeat(o)->element, nullptr); }

const MethodDef kRepeatMethods[] = {
    {"__length_hint__", repeat_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- the module ----

const MethodDef kItertoolsFunctions[] = {
    {"tee", itertools_tee, "Returns a tuple of n independent iterators."},
    {nullptr, nullptr, nullptr},
};

const char kModuleDoc[] = R"doc(Functional tools for creating and using iterators.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
)doc";

void init_infinite_types() {
    count_type.repr = count_repr;
    repeat_type.repr = repeat_repr;
    init_itertools_type(
        count_type, {"itertools.count", sizeof(Count), count_dealloc, count_traverse, count_clear, count_next,
                     count_construct, kCountMethods, true,
                     "Return a count object whose .__next__() method returns consecutive values.\n\n"
                     "Equivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n"
                     "        while 1:\n            yield x\n            x += step"});
    init_itertools_type(
        cycle_type, {"itertools.cycle", sizeof(Cycle), cycle_dealloc, cycle_traverse, cycle_clear, cycle_next,
                     cycle_construct, kCycleMethods, true,
                     "Return elements from the iterable until it is exhausted. Then repeat the sequence "
                     "indefinitely."});
    init_itertools_type(repeat_type,
                        {"itertools.repeat", sizeof(Repeat), repeat_dealloc, repeat_traverse, repeat_clear,
                         repeat_next, repeat_construct, kRepeatMethods, true,
                         "repeat(object [,times]) -> create an iterator which returns the object\nfor the "
                         "specified number of times.  If not specified, returns the object\nendlessly."});
}

}  // namespace

void add_infinite_iterators(Dict* module) {
    static std::once_flag ready;
    std::call_once(ready, init_infinite_types);
    dict_set(module, intern("count"), &count_type);
    dict_set(module, intern("cycle"), &cycle_type);
    dict_set(module, intern("repeat"), &repeat_type);
}

Ref init_itertools_module() {
    Ref m = native_module_new("itertools", kItertoolsFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("__doc__"), str_new(kModuleDoc).get());
    add_infinite_iterators(d);
    add_terminating_iterators(d);
    add_zip_iterators(d);
    add_grouping_iterators(d);
    add_combinatoric_iterators(d);
    return m;
}

}  // namespace minipy
