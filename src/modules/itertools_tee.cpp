// itertools_tee.cpp — the itertools iterators that share one input among several readers: groupby
// with its _grouper sub-iterators, and tee() with its _tee iterators and the _tee_dataobject links
// that hold what the leading one has read and the others have not, as CPython 3.11's.
#include <algorithm>
#include <mutex>
#include <vector>

#include "modules/itertools_module.h"
#include "objects/errors.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = ItertoolsArgs;

Type groupby_type, grouper_type, tee_type, tee_data_type;

// ---- groupby ----

// groupby(iterable, key=None): (key, group) for each run of items with equal keys; a group gives
// its items only while it is the newest one.
struct GroupBy : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* it;         // owned
    Object* keyfunc;    // owned: a function or None
    Object* tgtkey;     // owned: the key of the newest group, or null
    Object* currkey;    // owned: the key of currvalue, or null
    Object* currvalue;  // owned: the item read ahead, or null
    // The newest group, the only one that may still give items: compared, never dereferenced.
    const void* currgrouper = nullptr;
};

struct Grouper : Object {
    MINIPY_GC_ALLOCATED
    Object* parent;  // owned: the groupby
    Object* tgtkey;  // owned: the group's key
};

GroupBy* as_groupby(Object* o) { return static_cast<GroupBy*>(o); }
Grouper* as_grouper(Object* o) { return static_cast<Grouper*>(o); }

Ref groupby_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"iterable", "key"};
    Object* bound[2];
    bind_keywords("groupby", args, nargs, kw, kNames, 2, 2, 1, bound);
    Ref it = get_iter(bound[0]);
    auto* g = new GroupBy();
    init_header(g, static_cast<Type*>(type));
    g->it = it.release();
    g->keyfunc = newref(bound[1] ? bound[1] : None);
    g->tgtkey = g->currkey = g->currvalue = nullptr;
    return Ref::steal(g);
}

// Reads the next item and its key into currvalue and currkey; false at the end of the input.
bool groupby_step(GroupBy* g) {
    Ref it = load_field(g->mutex, g->it);
    Ref keyfunc = load_field(g->mutex, g->keyfunc);
    if (!it) return false;
    Ref value = pull_plain(it.get());
    if (!value) return false;
    Ref key = !keyfunc || keyfunc.get() == None ? value : call1(keyfunc.get(), value.get());
    Ref old_value, old_key;
    CriticalSection cs(g->mutex);
    old_value = Ref::steal(std::exchange(g->currvalue, value.release()));
    old_key = Ref::steal(std::exchange(g->currkey, key.release()));
    return true;
}

Ref grouper_new(Object* parent, Object* tgtkey) {
    auto* r = new Grouper();
    init_header(r, &grouper_type);
    r->parent = newref(parent);
    r->tgtkey = newref(tgtkey);
    GroupBy* g = as_groupby(parent);
    CriticalSection cs(g->mutex);
    g->currgrouper = r;
    return Ref::steal(r);
}

// Skips the rest of the current group (items whose key equals the group's), then starts the next.
Ref groupby_next(Object* o) {
    GroupBy* g = as_groupby(o);
    {
        CriticalSection cs(g->mutex);
        g->currgrouper = nullptr;
    }
    Ref key;
    for (;;) {
        Ref currkey, tgtkey;
        {
            CriticalSection cs(g->mutex);
            currkey = Ref::borrow(g->currkey);
            tgtkey = Ref::borrow(g->tgtkey);
        }
        if (currkey && (!tgtkey || !equals(tgtkey.get(), currkey.get()))) {
            key = std::move(currkey);
            break;
        }
        if (!groupby_step(g)) return nullptr;
        serve_eval_breaker();
    }
    {
        // The key read now: a key function or __eq__ run meanwhile may have stepped on.
        Ref old_tgtkey, compared_key;
        CriticalSection cs(g->mutex);
        if (g->currkey && g->currkey != key.get()) {
            compared_key = std::move(key);
            key = Ref::borrow(g->currkey);
        }
        old_tgtkey = Ref::steal(std::exchange(g->tgtkey, newref(key.get())));
    }
    Ref grouper = grouper_new(g, key.get());
    return tuple_pair(key.get(), grouper.get());
}

// (type, (it, keyfunc), (currkey, currvalue, tgtkey)) once a group has begun, else (type, (it, keyfunc)).
Ref groupby_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("groupby", "__reduce__", nargs - 1, kw, 0, 0);
    GroupBy* g = as_groupby(args[0]);
    Ref ctor_args, state;
    CriticalSection cs(g->mutex);
    ctor_args = tuple_pair(g->it ? g->it : empty_tuple(), g->keyfunc ? g->keyfunc : None);
    if (g->tgtkey && g->currkey && g->currvalue) {
        Object* state_items[3] = {g->currkey, g->currvalue, g->tgtkey};
        state = tuple_from(state_items, 3);
    }
    return reduce_value(type_of(g), std::move(ctor_args), state.get());
}

Ref groupby_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("groupby", "__setstate__", nargs - 1, kw, 1, 1);
    Tuple* state = state_tuple(args[1], 3, 3);
    GroupBy* g = as_groupby(args[0]);
    store_field(g->mutex, g->currkey, state->items[0]);
    store_field(g->mutex, g->currvalue, state->items[1]);
    store_field(g->mutex, g->tgtkey, state->items[2]);
    return Ref::borrow(None);
}

void groupby_traverse(Object* o, VisitProc visit, void* arg) {
    GroupBy* g = as_groupby(o);
    for (Object* field : {g->it, g->keyfunc, g->tgtkey, g->currkey, g->currvalue})
        visit_field(field, visit, arg);
}

void groupby_clear(Object* o) {
    GroupBy* g = as_groupby(o);
    for (Object** field : {&g->it, &g->keyfunc, &g->tgtkey, &g->currkey, &g->currvalue})
        store_field(g->mutex, *field, nullptr);
}

void groupby_dealloc(Object* o) {
    GroupBy* g = as_groupby(o);
    for (Object** field : {&g->it, &g->keyfunc, &g->tgtkey, &g->currkey, &g->currvalue}) clear_field(*field);
    delete g;
}

const MethodDef kGroupByMethods[] = {
    {"__reduce__", groupby_reduce, kReduceDoc},
    {"__setstate__", groupby_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

// _grouper(parent, tgtkey): what unpickling a group calls; it becomes the parent's newest group.
Ref grouper_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_unpacked("_grouper", nargs, kw, 2, 2);
    if (!is_instance(args[0], &groupby_type))
        raise(&TypeError_type, format("_grouper() argument 1 must be itertools.groupby, not %s",
                                      type_of(args[0])->name.c_str()));
    return grouper_new(args[0], args[1]);
}

// The parent's read-ahead item while its key equals the group's.
Ref grouper_next(Object* o) {
    Grouper* r = as_grouper(o);
    GroupBy* g = as_groupby(r->parent);
    bool have_value;
    {
        CriticalSection cs(g->mutex);
        if (g->currgrouper != r) return nullptr;
        have_value = g->currvalue != nullptr;
    }
    if (!have_value && !groupby_step(g)) return nullptr;
    Ref currkey = load_field(g->mutex, g->currkey);
    if (!currkey || !equals(r->tgtkey, currkey.get())) return nullptr;
    Ref old_key;
    CriticalSection cs(g->mutex);
    old_key = Ref::steal(std::exchange(g->currkey, nullptr));
    return Ref::steal(std::exchange(g->currvalue, nullptr));
}

// (type, (parent, tgtkey)) while this is the newest group, else an empty iterator: iter(()).
Ref grouper_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_grouper", "__reduce__", nargs - 1, kw, 0, 0);
    Grouper* r = as_grouper(args[0]);
    bool newest;
    {
        CriticalSection cs(as_groupby(r->parent)->mutex);
        newest = as_groupby(r->parent)->currgrouper == r;
    }
    if (!newest) {
        Object* empty = empty_tuple();
        return reduce_value(builtin_iter(), tuple_from(&empty, 1));
    }
    return reduce_value(type_of(r), tuple_pair(r->parent, r->tgtkey));
}

void grouper_traverse(Object* o, VisitProc visit, void* arg) {
    visit(as_grouper(o)->parent, arg);
    visit(as_grouper(o)->tgtkey, arg);
}

void grouper_dealloc(Object* o) {
    decref(as_grouper(o)->parent);
    decref(as_grouper(o)->tgtkey);
    delete as_grouper(o);
}

const MethodDef kGrouperMethods[] = {
    {"__reduce__", grouper_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- tee's data links ----

// What the leading tee iterator has read, kLinkCells items a link: the others read behind it. Once
// every tee iterator has passed a link, nothing refers to it and it is freed (a long chain of them
// is freed without recursion by dealloc_object's trashcan).
constexpr int kLinkCells = 57;

struct TeeData : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;     // guards everything below
    Object* it;            // owned: the input
    int numread = 0;       // values[0..numread) are owned
    bool running = false;  // the input is being read: a nested read (or another thread's) fails
    Object* nextlink;      // owned: the next link, or null
    Object* values[kLinkCells];
};

TeeData* as_tee_data(Object* o) { return static_cast<TeeData*>(o); }

Ref tee_data_new(Object* it) {
    auto* d = new TeeData();
    init_header(d, &tee_data_type);
    d->it = it ? newref(it) : nullptr;
    d->nextlink = nullptr;
    return Ref::steal(d);
}

// Item i of the link: one read already, or (i == numread) the next item of the input. Reading the
// input runs Python code, which must not read it again through another tee of the same input.
Ref tee_data_item(TeeData* d, int i) {
    Ref it;
    {
        CriticalSection cs(d->mutex);
        if (i < d->numread) return Ref::borrow(d->values[i]);
        if (d->running) raise(&RuntimeError_type, "cannot re-enter the tee iterator");
        if (!d->it) return nullptr;
        d->running = true;
        it = Ref::borrow(d->it);
    }
    Ref value;
    try {
        value = pull_plain(it.get());
    } catch (PyException&) {
        CriticalSection cs(d->mutex);
        d->running = false;
        throw;
    }
    CriticalSection cs(d->mutex);
    d->running = false;
    if (value && d->numread < kLinkCells) d->values[d->numread++] = newref(value.get());
    return value;
}

// The link after this one, made when first asked for.
Ref tee_data_next_link(TeeData* d) {
    CriticalSection cs(d->mutex);
    if (!d->nextlink) d->nextlink = tee_data_new(d->it).release();
    return Ref::borrow(d->nextlink);
}

// _tee_dataobject(iterable, values, next): what unpickling a link calls. Only a full link may have
// a next one.
Ref tee_data_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_unpacked("teedataobject", nargs, kw, 3, 3);
    if (!is_instance(args[1], &list_type))
        raise(&TypeError_type,
              format("teedataobject() argument 2 must be list, not %s", type_of(args[1])->name.c_str()));
    // The list's items as they are now, read under its lock (a subclass's __iter__ is not asked).
    List* values = as_list(args[1]);
    std::vector<Ref> items;
    {
        CriticalSection cs(values->mutex);
        for (Object* v : values->items) items.push_back(Ref::borrow(v));
    }
    size_t n = items.size();
    Object* next = args[2];
    bool next_fits = next == None || (n == kLinkCells && type_of(next) == &tee_data_type);
    if (n > kLinkCells || !next_fits) raise(&ValueError_type, "Invalid arguments");
    Ref link = tee_data_new(args[0]);
    TeeData* d = as_tee_data(link.get());
    for (size_t i = 0; i < n; ++i) d->values[i] = items[i].release();
    d->numread = static_cast<int>(n);
    d->nextlink = next == None ? nullptr : newref(next);
    return link;
}

// (type, (it, [values read], next link or None)).
Ref tee_data_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_tee_dataobject", "__reduce__", nargs - 1, kw, 0, 0);
    TeeData* d = as_tee_data(args[0]);
    Ref ctor_args;
    {
        CriticalSection cs(d->mutex);
        Ref values = list_from(d->values, static_cast<size_t>(d->numread));
        Object* items[3] = {d->it ? d->it : None, values.get(), d->nextlink ? d->nextlink : None};
        ctor_args = tuple_from(items, 3);
    }
    return reduce_value(type_of(d), std::move(ctor_args));
}

void tee_data_traverse(Object* o, VisitProc visit, void* arg) {
    TeeData* d = as_tee_data(o);
    visit_field(d->it, visit, arg);
    for (int i = 0; i < d->numread; ++i) visit(d->values[i], arg);
    visit_field(d->nextlink, visit, arg);
}

void tee_data_clear(Object* o) {
    TeeData* d = as_tee_data(o);
    Ref it, next;
    Object* values[kLinkCells];
    int n;
    {
        CriticalSection cs(d->mutex);
        it = Ref::steal(std::exchange(d->it, nullptr));
        next = Ref::steal(std::exchange(d->nextlink, nullptr));
        n = std::exchange(d->numread, 0);
        std::copy(d->values, d->values + n, values);
    }
    for (int i = 0; i < n; ++i) decref(values[i]);
}

void tee_data_dealloc(Object* o) {
    tee_data_clear(o);
    delete as_tee_data(o);
}

const MethodDef kTeeDataMethods[] = {
    {"__reduce__", tee_data_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr},
};

// ---- tee iterators ----

struct Tee : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* dataobj;    // owned: the link it reads from
    int index;          // the next item's place in it, 0..kLinkCells
};

Tee* as_tee(Object* o) { return static_cast<Tee*>(o); }

Ref tee_new(Object* dataobj, int index) {
    auto* t = new Tee();
    init_header(t, &tee_type);
    t->dataobj = dataobj ? newref(dataobj) : nullptr;
    t->index = index;
    return Ref::steal(t);
}

// A tee iterator at the same place as `t`, reading the same links.
Ref tee_copy_of(Tee* t) {
    CriticalSection cs(t->mutex);
    return tee_new(t->dataobj, t->index);
}

// A tee iterator over `iterable`, or a copy when iter(iterable) is one already.
Ref tee_from_iterable(Object* iterable) {
    Ref it = get_iter(iterable);
    if (type_of(it.get()) == &tee_type) return tee_copy_of(as_tee(it.get()));
    Ref link = tee_data_new(it.get());
    return tee_new(link.get(), 0);
}

Ref tee_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_unpacked("_tee", nargs, kw, 1, 1);
    return tee_from_iterable(args[0]);
}

Ref tee_next(Object* o) {
    Tee* t = as_tee(o);
    Ref link;
    int index;
    {
        Ref passed;
        CriticalSection cs(t->mutex);
        if (!t->dataobj) return nullptr;
        if (t->index >= kLinkCells) {
            Ref next = tee_data_next_link(as_tee_data(t->dataobj));
            passed = Ref::steal(std::exchange(t->dataobj, next.release()));
            t->index = 0;
        }
        link = Ref::borrow(t->dataobj);
        index = t->index;
    }
    Ref value = tee_data_item(as_tee_data(link.get()), index);
    if (!value) return nullptr;
    CriticalSection cs(t->mutex);
    if (t->dataobj == link.get() && t->index == index) t->index = index + 1;
    return value;
}

Ref tee_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_tee", "__copy__", nargs - 1, kw, 0, 0);
    return tee_copy_of(as_tee(args[0]));
}

// (type, ((),), (dataobj, index)): unpickling makes a tee of nothing, then moves it onto the link.
Ref tee_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_tee", "__reduce__", nargs - 1, kw, 0, 0);
    Tee* t = as_tee(args[0]);
    Object* empty = empty_tuple();
    Ref ctor_args = tuple_from(&empty, 1);
    Ref state;
    {
        CriticalSection cs(t->mutex);
        Ref index = int_from_i64(t->index);
        if (t->dataobj) state = tuple_pair(t->dataobj, index.get());
    }
    return reduce_value(type_of(t), std::move(ctor_args), state.get());
}

// __setstate__((dataobj, index)). An index past what the link has read is refused too: reading
// there would leave a gap of unset values behind it.
Ref tee_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_tee", "__setstate__", nargs - 1, kw, 1, 1);
    Tuple* state = state_tuple(args[1], 2, 2);
    check_state_item(state->items[0], 1, &tee_data_type, "itertools._tee_dataobject");
    int index = int_arg(state->items[1]);
    TeeData* d = as_tee_data(state->items[0]);
    int numread;
    {
        CriticalSection cs(d->mutex);
        numread = d->numread;
    }
    if (index < 0 || index > kLinkCells || index > numread) raise(&ValueError_type, "Index out of range");
    Tee* t = as_tee(args[0]);
    Ref old;
    CriticalSection cs(t->mutex);
    old = Ref::steal(std::exchange(t->dataobj, newref(d)));
    t->index = index;
    return Ref::borrow(None);
}

void tee_traverse(Object* o, VisitProc visit, void* arg) { visit_field(as_tee(o)->dataobj, visit, arg); }

void tee_clear(Object* o) { store_field(as_tee(o)->mutex, as_tee(o)->dataobj, nullptr); }

void tee_dealloc(Object* o) {
    weakrefs_clear(o);
    clear_field(as_tee(o)->dataobj);
    delete as_tee(o);
}

const MethodDef kTeeMethods[] = {
    {"__copy__", tee_copy, "Returns an independent iterator."},
    {"__reduce__", tee_reduce, kReduceDoc},
    {"__setstate__", tee_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

void init_grouping_types() {
    init_itertools_type(
        groupby_type,
        {"itertools.groupby", sizeof(GroupBy), groupby_dealloc, groupby_traverse, groupby_clear, groupby_next,
         groupby_construct, kGroupByMethods, true,
         "make an iterator that returns consecutive keys and groups from the iterable\n\n"
         "  iterable\n    Elements to divide into groups according to the key function.\n  key\n"
         "    A function for computing the group category for each element.\n    If the key "
         "function is not specified or is None, the element itself\n    is used for grouping."});
    init_itertools_type(grouper_type,
                        {"itertools._grouper", sizeof(Grouper), grouper_dealloc, grouper_traverse, nullptr,
                         grouper_next, grouper_construct, kGrouperMethods, false, nullptr});
    init_itertools_type(
        tee_data_type,
        {"itertools._tee_dataobject", sizeof(TeeData), tee_data_dealloc, tee_data_traverse, tee_data_clear,
         nullptr, tee_data_construct, kTeeDataMethods, false,
         "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee "
         "objects."});
    init_itertools_type(tee_type,
                        {"itertools._tee", sizeof(Tee), tee_dealloc, tee_traverse, tee_clear, tee_next,
                         tee_construct, kTeeMethods, false, "Iterator wrapped to make it copyable."});
    allow_weak_references(&tee_type);
}

}  // namespace

// tee(iterable, n=2): n iterators over one input. The first is iter(iterable) itself when that has
// a __copy__ method (a tee iterator has), else a tee iterator over it; the others are copies of it.
Ref itertools_tee(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("itertools", "tee", nargs, kw, 1, 2);
    int64_t n = nargs > 1 ? ssize_arg(args[1]) : 2;
    if (n < 0) raise(&ValueError_type, "n must be >= 0");
    if (n == 0) return Ref::borrow(empty_tuple());
    check_allocation(static_cast<uint64_t>(n), sizeof(Object*));
    Ref it = get_iter(args[0]);
    static Str* const kCopy = intern("__copy__");
    Ref copy = get_attr_opt(it.get(), kCopy);
    Ref first = copy ? std::move(it) : tee_from_iterable(it.get());
    if (!copy) copy = get_attr(first.get(), kCopy);
    Ref result = tuple_new(static_cast<size_t>(n));
    Tuple* items = as_tuple(result.get());
    items->items[0] = first.release();
    for (int64_t i = 1; i < n; ++i) items->items[i] = call0(copy.get()).release();
    return result;
}

void add_grouping_iterators(Dict* module) {
    static std::once_flag ready;
    std::call_once(ready, init_grouping_types);
    dict_set(module, intern("groupby"), &groupby_type);
    dict_set(module, intern("_grouper"), &grouper_type);
    dict_set(module, intern("_tee"), &tee_type);
    dict_set(module, intern("_tee_dataobject"), &tee_data_type);
}

}  // namespace minipy
