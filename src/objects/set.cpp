// set.cpp — set and frozenset, stored as a dict whose values are None so that hashing, probing and
// resizing live in one place (dict.cpp). Operators take sets only; the named methods take any
// iterable, as in CPython.
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Type set_type, frozenset_type;

namespace {

bool is_any_set(Object* o) { return is_instance(o, &set_type) || is_instance(o, &frozenset_type); }
Dict* table(Object* o) { return as_set(o)->table; }

// Calls fn(borrowed item) for each item of a set, holding a reference while fn runs.
template <typename Fn>
void for_each_member(Object* set, Fn&& fn) {
    Object* k;
    for (size_t pos = 0; dict_next(table(set), &pos, &k, nullptr);) {
        Ref keep = Ref::borrow(k);
        fn(k);
    }
}

void set_dealloc(Object* o) {
    decref(table(o));
    delete as_set(o);
}

// A set made from any iterable; a set argument is returned as is.
Ref to_set(Object* o) {
    if (is_any_set(o)) return Ref::borrow(o);
    Ref s = set_new(&set_type);
    for_each_item(o, [&](Object* item) { set_add(s.get(), item); });
    return s;
}

Type* result_type(Object* o) { return is_instance(o, &frozenset_type) ? &frozenset_type : &set_type; }

Ref set_copy_as(Object* o, Type* t) {
    Ref r = set_new(t);
    for_each_member(o, [&](Object* x) { set_add(r.get(), x); });
    return r;
}

void update(Object* set, Object* iterable) {
    for_each_item(iterable, [&](Object* item) { set_add(set, item); });
}

Ref intersection(Object* a, Object* b) {
    Ref other = to_set(b);
    Ref r = set_new(result_type(a));
    for_each_member(a, [&](Object* x) {
        if (set_contains(other.get(), x)) set_add(r.get(), x);
    });
    return r;
}

Ref difference(Object* a, Object* b) {
    Ref other = to_set(b);
    Ref r = set_new(result_type(a));
    for_each_member(a, [&](Object* x) {
        if (!set_contains(other.get(), x)) set_add(r.get(), x);
    });
    return r;
}

Ref symmetric_difference(Object* a, Object* b) {
    Ref other = to_set(b);
    Ref r = difference(a, other.get());
    for_each_member(other.get(), [&](Object* x) {
        if (!set_contains(a, x)) set_add(r.get(), x);
    });
    return r;
}

Ref set_union(Object* a, Object* b) {
    Ref r = set_copy_as(a, result_type(a));
    update(r.get(), b);
    return r;
}

bool is_subset(Object* a, Object* b) {
    if (dict_size(table(a)) > dict_size(table(b))) return false;
    bool all = true;
    for_each_member(a, [&](Object* x) { all = all && set_contains(b, x); });
    return all;
}

// ---- slots ----
int64_t set_len(Object* o) { return dict_size(table(o)); }
bool set_contains_slot(Object* o, Object* item) { return set_contains(o, item); }
Ref set_iter(Object* o) { return set_iter_new(o); }

Ref set_repr(Object* o) {
    const std::string& name = type_of(o)->name;
    if (set_len(o) == 0) return str_new(name + "()");
    ReprGuard guard(o);
    if (!guard.entered()) return str_new(name + "(...)");
    std::string out = "{";
    for_each_member(o, [&](Object* x) {
        if (out.size() > 1) out += ", ";
        out += repr_utf8(x);
    });
    out += "}";
    return str_new(type_of(o) == &set_type ? out : name + "(" + out + ")");
}

// CPython 3.11's frozenset_hash: order-independent, mixing each item's hash.
int64_t frozenset_hash(Object* o) {
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
    uint64_t h = 0;
    for_each_member(o, [&](Object* x) { h ^= shuffle(static_cast<uint64_t>(hash(x))); });
    h ^= (static_cast<uint64_t>(set_len(o)) + 1) * 1927868237ull;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923ull;
    auto r = static_cast<int64_t>(h);
    return r == -1 ? 590923713 : r;
}

Ref set_compare(Object* a, Object* b, CompareOp op) {
    if (!is_any_set(b)) return Ref::borrow(NotImplemented);
    int64_t na = set_len(a), nb = set_len(b);
    bool r = false;
    switch (op) {
        case CompareOp::Eq: r = na == nb && is_subset(a, b); break;
        case CompareOp::Ne: r = !(na == nb && is_subset(a, b)); break;
        case CompareOp::Le: r = is_subset(a, b); break;
        case CompareOp::Lt: r = na < nb && is_subset(a, b); break;
        case CompareOp::Ge: r = is_subset(b, a); break;
        case CompareOp::Gt: r = na > nb && is_subset(b, a); break;
    }
    return Ref::borrow(bool_obj(r));
}

template <Ref (*op)(Object*, Object*)>
Ref set_operator(Object* a, Object* b) {
    if (!is_any_set(a) || !is_any_set(b)) return Ref::borrow(NotImplemented);
    return op(a, b);
}

// a |= b and friends replace a's contents in place.
template <Ref (*op)(Object*, Object*)>
Ref set_inplace(Object* a, Object* b) {
    if (!is_any_set(b)) return Ref::borrow(NotImplemented);
    Ref r = op(a, b);
    Dict* fresh = as_dict(newref(table(r.get())));
    Dict* old;
    {
        CriticalSection cs(as_set(a)->mutex);
        old = std::exchange(as_set(a)->table, fresh);
    }
    decref(old);
    return Ref::borrow(a);
}

Ref construct(Type* t, const char* name, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs > 1) raise_arg_count(name, 0, 1, nargs);
    Ref s = set_new(t);
    if (nargs == 1) update(s.get(), args[0]);
    return s;
}

Ref set_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    return construct(static_cast<Type*>(type), "set", args, nargs, kw);
}

Ref frozenset_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs == 1 && type == &frozenset_type && type_of(args[0]) == &frozenset_type) return Ref::borrow(args[0]);
    return construct(static_cast<Type*>(type), "frozenset", args, nargs, kw);
}

}  // namespace

Ref set_new(Type* t) {
    auto* s = new SetObject();
    init_header(s, t);
    s->table = as_dict(dict_new().release());
    return Ref::steal(s);
}

void set_add(Object* set, Object* item) { dict_set(table(set), item, None); }

bool set_contains(Object* set, Object* item) { return dict_get(table(set), item) != nullptr; }

// Helpers for set_methods.cpp.
Ref set_union_of(Object* a, Object* b) { return set_union(a, b); }
Ref set_intersection_of(Object* a, Object* b) { return intersection(a, b); }
Ref set_difference_of(Object* a, Object* b) { return difference(a, b); }
Ref set_symmetric_difference_of(Object* a, Object* b) { return symmetric_difference(a, b); }
bool set_is_subset(Object* a, Object* b) { return is_subset(a, b); }
Ref set_to_set(Object* o) { return to_set(o); }

extern const MethodDef set_methods[], frozenset_methods[];  // set_methods.cpp

namespace {

void init_common(Type& t, const char* name) {
    t.name = name;
    t.instance_size = sizeof(SetObject);
    t.dealloc = set_dealloc;
    t.repr = set_repr;
    t.compare = set_compare;
    t.len = set_len;
    t.contains = set_contains_slot;
    t.iter = set_iter;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.binary[static_cast<size_t>(BinaryOp::Or)] = set_operator<set_union>;
    t.binary[static_cast<size_t>(BinaryOp::And)] = set_operator<intersection>;
    t.binary[static_cast<size_t>(BinaryOp::Sub)] = set_operator<difference>;
    t.binary[static_cast<size_t>(BinaryOp::Xor)] = set_operator<symmetric_difference>;
}

}  // namespace

void init_set_types() {
    Type& s = set_type;
    init_common(s, "set");
    s.hash = hash_not_implemented;
    s.construct = set_construct;
    s.methods = set_methods;
    s.inplace[static_cast<size_t>(BinaryOp::Or)] = set_inplace<set_union>;
    s.inplace[static_cast<size_t>(BinaryOp::And)] = set_inplace<intersection>;
    s.inplace[static_cast<size_t>(BinaryOp::Sub)] = set_inplace<difference>;
    s.inplace[static_cast<size_t>(BinaryOp::Xor)] = set_inplace<symmetric_difference>;
    init_type(&s);

    Type& f = frozenset_type;
    init_common(f, "frozenset");
    f.hash = frozenset_hash;
    f.construct = frozenset_construct;
    f.methods = frozenset_methods;
    init_type(&f);
}

}  // namespace minipy
