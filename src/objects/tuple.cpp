// tuple.cpp — the immutable sequence: items inline after the header, small tuples recycled per
// thread, CPython's xxHash-based hash, lexicographic comparison and `(1,)` repr.
#include <new>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

Type tuple_type;

namespace {

// Tuples of up to kFreeSizes items are created by every call with arguments and every multiple
// assignment; keeping freed ones per size and thread skips the allocator.
constexpr size_t kFreeSizes = 8;
constexpr int kFreePerSize = 64;
struct TupleFreeLists {
    Tuple* head[kFreeSizes + 1] = {};
    int count[kFreeSizes + 1] = {};
};
thread_local TupleFreeLists free_tuples;

Tuple empty_tuple_object;

size_t tuple_bytes(size_t n) { return sizeof(Tuple) + (n > 0 ? n - 1 : 0) * sizeof(Object*); }

void tuple_dealloc(Object* o) {
    Tuple* t = as_tuple(o);
    // Last item first, as CPython: the order in which items' __del__ methods run.
    for (size_t i = t->size; i-- > 0;) xdecref(t->items[i]);
    // Size 0 only reaches here for subclass instances; tuple_new(0) never takes from that list.
    if (t->size > 0 && t->size <= kFreeSizes && free_tuples.count[t->size] < kFreePerSize) {
        t->items[0] = free_tuples.head[t->size];
        free_tuples.head[t->size] = t;
        ++free_tuples.count[t->size];
        return;
    }
    t->~Tuple();
    gc_free(t);
}

// No clear slot, as in CPython: a tuple cannot be changed, and the lists, dicts and instances in a
// cycle through it are cleared instead.
void tuple_traverse(Object* o, VisitProc visit, void* arg) {
    Tuple* t = as_tuple(o);
    for (size_t i = t->size; i-- > 0;)  // last first, as CPython
        if (t->items[i]) visit(t->items[i], arg);
}

}  // namespace

Tuple* empty_tuple() { return &empty_tuple_object; }

Ref tuple_new(size_t size) {
    if (size == 0) return Ref::borrow(empty_tuple());
    Tuple* t;
    if (size <= kFreeSizes && free_tuples.head[size]) {
        t = free_tuples.head[size];
        free_tuples.head[size] = as_tuple(t->items[0]);
        --free_tuples.count[size];
    } else {
        t = new (gc_alloc_untracked(tuple_bytes(size))) Tuple;
    }
    init_header(t, &tuple_type);
    t->size = size;
    for (size_t i = 0; i < size; ++i) t->items[i] = nullptr;
    gc_track(t);
    return Ref::steal(t);
}

Ref tuple_from(Object* const* items, size_t n) {
    Ref t = tuple_new(n);
    for (size_t i = 0; i < n; ++i) as_tuple(t.get())->items[i] = newref(items[i]);
    return t;
}

Ref tuple_exact(Object* o) {
    return type_of(o) == &tuple_type ? Ref::borrow(o) : tuple_from(as_tuple(o)->items, as_tuple(o)->size);
}

Ref tuple_from_iterable(Object* iterable) {
    if (type_of(iterable) == &tuple_type) return Ref::borrow(iterable);
    Ref list = list_from_iterable(iterable);
    const auto& items = as_list(list.get())->items;
    return tuple_from(items.data(), items.size());
}

namespace {

Ref tuple_get(Object* o, size_t i) {
    Tuple* t = as_tuple(o);
    return i < t->size ? Ref::borrow(t->items[i]) : nullptr;
}
int64_t tuple_len(Object* o) { return static_cast<int64_t>(as_tuple(o)->size); }

Ref tuple_repr(Object* o) {
    Tuple* t = as_tuple(o);
    if (t->size == 0) return str_new("()");
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("(...)");
    std::string out = "(";
    for (size_t i = 0; i < t->size; ++i) {
        if (i > 0) out += ", ";
        out += repr_utf8(t->items[i]);
    }
    out += t->size == 1 ? ",)" : ")";
    return str_new(out);
}

// CPython 3.11's tuplehash (an xxHash round per item).
int64_t tuple_hash(Object* o) {
    constexpr uint64_t kPrime1 = 11400714785074694791ull;
    constexpr uint64_t kPrime2 = 14029467366897019727ull;
    constexpr uint64_t kPrime5 = 2870177450012600261ull;
    Tuple* t = as_tuple(o);
    RecursionGuard guard;  // a tuple nested 200,000 deep (CPython 3.11 itself overflows its C stack here)
    uint64_t acc = kPrime5;
    for (size_t i = 0; i < t->size; ++i) {
        auto lane = static_cast<uint64_t>(hash(t->items[i]));
        acc += lane * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
    }
    acc += t->size ^ (kPrime5 ^ 3527539ull);
    auto h = static_cast<int64_t>(acc);
    return h == -1 ? 1546275796 : h;
}

Ref tuple_compare(Object* a, Object* b, CompareOp op) {
    if (!is_instance(b, &tuple_type)) return Ref::borrow(NotImplemented);
    return sequence_compare(a, b, op, tuple_get, tuple_len);
}

Ref tuple_slice(Tuple* t, Slice* s) {
    int64_t start, stop, step;
    int64_t n = slice_indices(s, static_cast<int64_t>(t->size), &start, &stop, &step);
    if (n == static_cast<int64_t>(t->size) && step == 1) return tuple_exact(t);
    Ref r = tuple_new(n);
    for (int64_t i = 0, k = start; i < n; ++i, k += step) as_tuple(r.get())->items[i] = newref(t->items[k]);
    return r;
}

Ref tuple_getitem(Object* o, Object* key) {
    Tuple* t = as_tuple(o);
    if (is_int(key)) return Ref::borrow(t->items[sequence_index(key, t->size, "tuple")]);
    if (type_of(key) == &slice_type) return tuple_slice(t, static_cast<Slice*>(key));
    if (Ref i = index_value(key)) return tuple_getitem(o, i.get());
    raise_bad_index_type("tuple", key);
}

Ref tuple_add(Object* a, Object* b) {
    if (!is_instance(a, &tuple_type) || !is_instance(b, &tuple_type)) return Ref::borrow(NotImplemented);
    Tuple* x = as_tuple(a);
    Tuple* y = as_tuple(b);
    if (y->size == 0) return tuple_exact(a);
    if (x->size == 0) return tuple_exact(b);
    Ref r = tuple_new(x->size + y->size);
    Tuple* t = as_tuple(r.get());
    for (size_t i = 0; i < x->size; ++i) t->items[i] = newref(x->items[i]);
    for (size_t i = 0; i < y->size; ++i) t->items[x->size + i] = newref(y->items[i]);
    return r;
}

Ref tuple_repeat(Object* o, Object* count) {
    int64_t n = as_index(count);
    Tuple* t = as_tuple(o);
    if (n <= 0 || t->size == 0) return Ref::borrow(empty_tuple());
    if (n == 1) return tuple_exact(o);
    check_allocation(static_cast<uint64_t>(n), t->size * sizeof(Object*));
    Ref r = tuple_new(t->size * n);
    for (size_t i = 0; i < t->size * n; ++i) as_tuple(r.get())->items[i] = newref(t->items[i % t->size]);
    return r;
}

Ref tuple_mul(Object* a, Object* b) {
    if (is_instance(a, &tuple_type) && is_index_like(b)) return tuple_repeat(a, b);
    if (is_instance(b, &tuple_type) && is_index_like(a)) return tuple_repeat(b, a);
    return Ref::borrow(NotImplemented);
}

bool tuple_contains(Object* o, Object* item) {
    Tuple* t = as_tuple(o);
    for (size_t i = 0; i < t->size; ++i)
        if (equals(t->items[i], item)) return true;
    return false;
}

Ref tuple_iter(Object* o) { return tuple_iter_new(o); }

// A fresh tuple of subclass `t` holding the items of `items` (which may be the shared empty tuple).
Ref tuple_of_subtype(Type* t, Tuple* items) {
    auto* r = new (gc_alloc(tuple_bytes(items->size))) Tuple;
    init_header(r, t);
    r->size = items->size;
    for (size_t i = 0; i < items->size; ++i) r->items[i] = newref(items->items[i]);
    return Ref::steal(r);
}

// `type` is tuple, or a subclass, whose instances are never the shared or argument tuple. Keywords
// are ignored where the subclass has an __init__ of its own, which takes them (CPython's tuple_new).
Ref tuple_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size && refuses_keywords(static_cast<Type*>(type), &tuple_type))
        raise_no_kwargs("tuple");
    if (nargs > 1) raise_arg_count("tuple", 0, 1, nargs);
    Ref items = nargs == 0 ? Ref::borrow(empty_tuple()) : tuple_from_iterable(args[0]);
    if (type == &tuple_type) return items;
    return tuple_of_subtype(static_cast<Type*>(type), as_tuple(items.get()));
}

Ref tuple_count(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("count");
    if (nargs != 2) raise_arg_count("tuple.count", 1, 1, nargs - 1);
    Tuple* t = as_tuple(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->size; ++i) n += equals(t->items[i], args[1]);
    return int_from_i64(n);
}

Ref tuple_index(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("index");
    if (nargs < 2 || nargs > 4) raise_arg_count("index", 1, 3, nargs - 1);
    Tuple* t = as_tuple(args[0]);
    auto size = static_cast<int64_t>(t->size);
    int64_t start = nargs > 2 ? as_index_clamped(args[2]) : 0,
            stop = nargs > 3 ? as_index_clamped(args[3]) : size;
    if (start < 0) start = std::max<int64_t>(0, start + size);
    if (stop < 0) stop += size;
    for (int64_t i = start; i < std::min(stop, size); ++i)
        if (equals(t->items[i], args[1])) return int_from_i64(i);
    raise(&ValueError_type, "tuple.index(x): x not in tuple");
}

const MethodDef tuple_methods[] = {
    {"count", tuple_count, "Return number of occurrences of value."},
    {"index", tuple_index, "Return first index of value."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_tuple_type() {
    Type& t = tuple_type;
    t.name = "tuple";
    t.instance_size = sizeof(Tuple);
    t.dealloc = tuple_dealloc;
    t.traverse = tuple_traverse;
    t.repr = tuple_repr;
    t.hash = tuple_hash;
    t.compare = tuple_compare;
    t.len = tuple_len;
    t.getitem = tuple_getitem;
    t.contains = tuple_contains;
    t.iter = tuple_iter;
    t.construct = tuple_construct;
    t.methods = tuple_methods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.binary[static_cast<size_t>(BinaryOp::Add)] = tuple_add;
    t.binary[static_cast<size_t>(BinaryOp::Mul)] = tuple_mul;
    t.collection_flags = kTypeSequence;
    init_type(&t);
    make_immortal(&empty_tuple_object);
    empty_tuple_object.type = &tuple_type;
    empty_tuple_object.size = 0;
}

}  // namespace minipy
