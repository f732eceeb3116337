// set_methods.cpp — set and frozenset operations, operators and named methods, each composed from
// the table's operations (set.cpp) as CPython 3.11's setobject.c composes them: which operand is
// iterated and which is copied decides the result's table, hence the order it prints in.
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/set.h"
#include "objects/str.h"

namespace minipy {

namespace {

// Calls fn(key, hash) for each entry of a set, in table order.
template <typename Fn>
void for_each_entry(Object* set, Fn&& fn) {
    Ref key;
    int64_t hash = 0;
    for (size_t pos = 0; set_next_entry(set, &pos, &key, &hash);) fn(key.get(), hash);
}

Ref new_set_from(Type* t, Object* iterable) {
    Ref r = set_new_basetype(t);
    set_update(r.get(), iterable);
    return r;
}

// ---- the operations (CPython's set_intersection, set_difference, ...) ----

// Iterates the smaller of two sets, adding to a new set what the larger holds; from any other
// iterable, stops once the result is as large as the set.
Ref intersection(Object* so, Object* other) {
    if (so == other) return set_copy_of(so);
    Ref result = set_new_basetype(type_of(so));
    if (is_any_set(other)) {
        Object* big = so;
        Object* small = other;
        if (set_size(other) > set_size(so)) std::swap(big, small);
        for_each_entry(small, [&](Object* key, int64_t hash) {
            if (set_contains_hashed(big, key, hash)) set_add_hashed(result.get(), key, hash);
        });
        return result;
    }
    Ref it = get_iter(other);
    while (Ref key = iter_next(it.get())) {
        int64_t hash = key_hash(key.get());
        if (!set_contains_hashed(so, key.get(), hash)) continue;
        set_add_hashed(result.get(), key.get(), hash);
        if (set_size(result.get()) >= set_size(so)) break;
    }
    return result;
}

void difference_update(Object* so, Object* other) {
    if (so == other) return set_clear_all(so);
    if (is_any_set(other)) {
        // A far larger other set is first cut down to the keys the two share.
        Ref keys = (set_size(other) >> 3) > set_size(so) ? intersection(so, other) : Ref::borrow(other);
        for_each_entry(keys.get(), [&](Object* key, int64_t hash) { set_discard_hashed(so, key, hash); });
    } else {
        for_each_item(other, [&](Object* key) { set_discard_key(so, key); });
    }
    set_drop_dummies(so);
}

Ref copy_and_difference(Object* so, Object* other) {
    Ref result = set_copy_of(so);
    difference_update(result.get(), other);
    return result;
}

// Builds the result from so's entries that other lacks, unless so is far the larger: then a copy
// of so loses other's keys.
Ref difference(Object* so, Object* other) {
    bool other_is_dict = type_of(other) == &dict_type;
    if (!is_any_set(other) && !other_is_dict) return copy_and_difference(so, other);
    int64_t other_size = other_is_dict ? dict_size(as_dict(other)) : set_size(other);
    if ((set_size(so) >> 2) > other_size) return copy_and_difference(so, other);
    Ref result = set_new_basetype(type_of(so));
    for_each_entry(so, [&](Object* key, int64_t hash) {
        bool in_other = other_is_dict ? dict_contains_hashed(as_dict(other), key, hash)
                                      : set_contains_hashed(other, key, hash);
        if (!in_other) set_add_hashed(result.get(), key, hash);
    });
    return result;
}

// Each key of other leaves so if there, else joins it.
void symmetric_difference_update(Object* so, Object* other) {
    if (so == other) return set_clear_all(so);
    auto toggle = [&](Object* key, int64_t hash) {
        if (!set_discard_hashed(so, key, hash)) set_add_hashed(so, key, hash);
    };
    if (type_of(other) == &dict_type) return for_each_dict_key(as_dict(other), toggle);
    Ref keys = is_any_set(other) ? Ref::borrow(other) : new_set_from(type_of(so), other);
    for_each_entry(keys.get(), toggle);
}

// A set of other's keys, toggled by so's.
Ref symmetric_difference(Object* so, Object* other) {
    Ref result = new_set_from(type_of(so), other);
    symmetric_difference_update(result.get(), so);
    return result;
}

Ref set_union(Object* so, Object* other) {
    Ref result = set_copy_of(so);
    if (so != other) set_update(result.get(), other);
    return result;
}

bool is_subset(Object* so, Object* other) {
    if (!is_any_set(other)) {
        Ref tmp = new_set_from(&set_type, other);
        return is_subset(so, tmp.get());
    }
    if (set_size(so) > set_size(other)) return false;
    bool all = true;
    Ref key;
    int64_t hash = 0;
    for (size_t pos = 0; all && set_next_entry(so, &pos, &key, &hash);)
        all = set_contains_hashed(other, key.get(), hash);
    return all;
}

bool is_superset(Object* so, Object* other) {
    if (is_any_set(other)) return is_subset(other, so);
    Ref it = get_iter(other);
    while (Ref key = iter_next(it.get()))
        if (!set_contains_key(so, key.get())) return false;
    return true;
}

bool is_disjoint(Object* so, Object* other) {
    if (so == other) return set_size(so) == 0;
    if (is_exact_any_set(other)) {
        Object* big = so;
        Object* small = other;
        if (set_size(other) > set_size(so)) std::swap(big, small);
        Ref key;
        int64_t hash = 0;
        for (size_t pos = 0; set_next_entry(small, &pos, &key, &hash);)
            if (set_contains_hashed(big, key.get(), hash)) return false;
        return true;
    }
    Ref it = get_iter(other);
    while (Ref key = iter_next(it.get()))
        if (set_contains_key(so, key.get())) return false;
    return true;
}

// ---- operators ----

Ref set_compare(Object* a, Object* b, CompareOp op) {
    if (!is_any_set(b)) return Ref::borrow(NotImplemented);
    int64_t na = set_size(a), nb = set_size(b);
    bool r = false;
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::Ne: {
            // Two frozensets whose cached hashes differ cannot be equal.
            int64_t ha = as_set(a)->hash.load(std::memory_order_relaxed);
            int64_t hb = as_set(b)->hash.load(std::memory_order_relaxed);
            bool eq = na == nb && !(ha != -1 && hb != -1 && ha != hb) && is_subset(a, b);
            r = op == CompareOp::Eq ? eq : !eq;
            break;
        }
        case CompareOp::Le:
            r = is_subset(a, b);
            break;
        case CompareOp::Ge:
            r = is_superset(a, b);
            break;
        case CompareOp::Lt:
            r = na < nb && is_subset(a, b);
            break;
        case CompareOp::Gt:
            r = na > nb && is_superset(a, b);
            break;
    }
    return Ref::borrow(bool_obj(r));
}

template <Ref (*op)(Object*, Object*)>
Ref set_operator(Object* a, Object* b) {
    if (!is_any_set(a) || !is_any_set(b)) return Ref::borrow(NotImplemented);
    return op(a, b);
}

template <void (*op)(Object*, Object*)>
Ref set_inplace(Object* a, Object* b) {
    if (!is_any_set(b)) return Ref::borrow(NotImplemented);
    op(a, b);
    return Ref::borrow(a);
}

void intersection_update(Object* so, Object* other) {
    Ref result = intersection(so, other);
    set_swap_bodies(so, result.get());
}

// ---- named methods ----

void check_args(const char* type_name, const char* name, size_t nargs, Tuple* kwnames, size_t min,
                size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    size_t given = nargs - 1;
    if (given >= min && given <= max) return;
    if (max == 0)
        raise(&TypeError_type, format("%s.%s() takes no arguments (%zu given)", type_name, name, given));
    if (min == 1 && max == 1)
        raise(&TypeError_type,
              format("%s.%s() takes exactly one argument (%zu given)", type_name, name, given));
    raise_arg_count(name, min, max, given);
}

Ref union_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("union");
    Ref result = set_copy_of(args[0]);
    for (size_t i = 1; i < nargs; ++i)
        if (args[i] != args[0]) set_update(result.get(), args[i]);
    return result;
}

Ref intersection_of_all(Object* const* args, size_t nargs) {
    if (nargs == 1) return set_copy_of(args[0]);
    Ref result = Ref::borrow(args[0]);
    for (size_t i = 1; i < nargs; ++i) result = intersection(result.get(), args[i]);
    return result;
}

Ref intersection_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("intersection");
    return intersection_of_all(args, nargs);
}

Ref intersection_update_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("intersection_update");
    Ref result = intersection_of_all(args, nargs);
    set_swap_bodies(args[0], result.get());
    return Ref::borrow(None);
}

Ref difference_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("difference");
    if (nargs == 1) return set_copy_of(args[0]);
    Ref result = difference(args[0], args[1]);
    for (size_t i = 2; i < nargs; ++i) difference_update(result.get(), args[i]);
    return result;
}

Ref difference_update_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("difference_update");
    for (size_t i = 1; i < nargs; ++i) difference_update(args[0], args[i]);
    return Ref::borrow(None);
}

Ref symmetric_difference_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args(type_of(args[0])->name.c_str(), "symmetric_difference", nargs, kw, 1, 1);
    return symmetric_difference(args[0], args[1]);
}

Ref symmetric_difference_update_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "symmetric_difference_update", nargs, kw, 1, 1);
    symmetric_difference_update(args[0], args[1]);
    return Ref::borrow(None);
}

Ref update_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("update");
    for (size_t i = 1; i < nargs; ++i) set_update(args[0], args[i]);
    return Ref::borrow(None);
}

Ref add_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "add", nargs, kw, 1, 1);
    set_add(args[0], args[1]);
    return Ref::borrow(None);
}

Ref remove_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "remove", nargs, kw, 1, 1);
    if (!set_discard_key(args[0], args[1])) raise_key_error(args[1]);
    return Ref::borrow(None);
}

Ref discard_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "discard", nargs, kw, 1, 1);
    set_discard_key(args[0], args[1]);
    return Ref::borrow(None);
}

Ref pop_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "pop", nargs, kw, 0, 0);
    return set_pop_any(args[0]);
}

Ref clear_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "clear", nargs, kw, 0, 0);
    set_clear_all(args[0]);
    return Ref::borrow(None);
}

Ref copy_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args(type_of(args[0])->name.c_str(), "copy", nargs, kw, 0, 0);
    if (type_of(args[0]) == &frozenset_type) return Ref::borrow(args[0]);
    return set_copy_of(args[0]);
}

// (type, (list of the items,), state): a subclass's instance pickles with its attributes, as CPython's
// set_reduce (the state is what __getstate__ gives: None for a plain set).
Ref reduce_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args(type_of(args[0])->name.c_str(), "__reduce__", nargs, kw, 0, 0);
    Ref items = list_from_iterable(args[0]);
    Object* one = items.get();
    Ref arguments = tuple_from(&one, 1);
    Ref state = call0(get_attr(args[0], intern("__getstate__")).get());
    Object* triple[3] = {type_of(args[0]), arguments.get(), state.get()};
    return tuple_from(triple, 3);
}

template <bool (*test)(Object*, Object*)>
Ref predicate_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const char* name = test == is_subset ? "issubset" : test == is_superset ? "issuperset" : "isdisjoint";
    check_args(type_of(args[0])->name.c_str(), name, nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(test(args[0], args[1])));
}

}  // namespace

Ref set_intersection(Object* so, Object* other) { return intersection(so, other); }
void set_difference_update(Object* so, Object* other) { difference_update(so, other); }
void set_symmetric_difference_update(Object* so, Object* other) { symmetric_difference_update(so, other); }

#define MINIPY_SET_QUERIES                                                                                  \
    {"union", union_method, "Return the union of sets as a new set."},                                      \
        {"intersection", intersection_method, "Return the intersection of two sets as a new set."},         \
        {"difference", difference_method, "Return the difference of two or more sets as a new set."},       \
        {"symmetric_difference", symmetric_difference_method,                                               \
         "Return the symmetric difference of two sets as a new set."},                                      \
        {"issubset", predicate_method<is_subset>, "Report whether another set contains this set."},         \
        {"issuperset", predicate_method<is_superset>, "Report whether this set contains another set."},     \
        {"isdisjoint", predicate_method<is_disjoint>, "Return True if two sets have a null intersection."}, \
        {"copy", copy_method, "Return a shallow copy of a set."}, {                                         \
        "__reduce__", reduce_method, "Return state information for pickling."                               \
    }

extern const MethodDef set_methods[] = {
    MINIPY_SET_QUERIES,
    {"add", add_method, "Add an element to a set."},
    {"remove", remove_method, "Remove an element from a set; it must be a member."},
    {"discard", discard_method, "Remove an element from a set if it is a member."},
    {"pop", pop_method, "Remove and return an arbitrary set element."},
    {"clear", clear_method, "Remove all elements from this set."},
    {"update", update_method, "Update a set with the union of itself and others."},
    {"intersection_update", intersection_update_method,
     "Update a set with the intersection of itself and another."},
    {"difference_update", difference_update_method, "Remove all elements of another set from this set."},
    {"symmetric_difference_update", symmetric_difference_update_method,
     "Update a set with the symmetric difference of itself and another."},
    {nullptr, nullptr, nullptr},
};

extern const MethodDef frozenset_methods[] = {
    MINIPY_SET_QUERIES,
    {nullptr, nullptr, nullptr},
};

// The operators: `|`, `&`, `-`, `^` take sets only (the methods take any iterable), and set's in-place
// forms change the left operand.
void init_set_operators(Type& t, bool mutable_set) {
    t.compare = set_compare;
    t.binary[static_cast<size_t>(BinaryOp::Or)] = set_operator<set_union>;
    t.binary[static_cast<size_t>(BinaryOp::And)] = set_operator<intersection>;
    t.binary[static_cast<size_t>(BinaryOp::Sub)] = set_operator<difference>;
    t.binary[static_cast<size_t>(BinaryOp::Xor)] = set_operator<symmetric_difference>;
    if (!mutable_set) return;
    t.inplace[static_cast<size_t>(BinaryOp::Or)] = set_inplace<set_update>;
    t.inplace[static_cast<size_t>(BinaryOp::And)] = set_inplace<intersection_update>;
    t.inplace[static_cast<size_t>(BinaryOp::Sub)] = set_inplace<difference_update>;
    t.inplace[static_cast<size_t>(BinaryOp::Xor)] = set_inplace<symmetric_difference_update>;
}

}  // namespace minipy
