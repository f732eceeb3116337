// set_methods.cpp — the named methods of set and frozenset. Unlike the operators, they accept any
// iterable (`s.union([1, 2])`) and several arguments at once.
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Ref set_union_of(Object* a, Object* b);
Ref set_intersection_of(Object* a, Object* b);
Ref set_difference_of(Object* a, Object* b);
Ref set_symmetric_difference_of(Object* a, Object* b);
bool set_is_subset(Object* a, Object* b);
Ref set_to_set(Object* o);

namespace {

void check_args(const char* type_name, const char* name, size_t nargs, Tuple* kwnames, size_t min,
                size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    size_t given = nargs - 1;
    if (given >= min && given <= max) return;
    if (max == 0) raise(&TypeError_type, format("%s.%s() takes no arguments (%zu given)", type_name, name, given));
    if (min == 1 && max == 1)
        raise(&TypeError_type, format("%s.%s() takes exactly one argument (%zu given)", type_name, name, given));
    raise_arg_count(name, min, max, given);
}

// union/intersection/... with any number of iterables: fold the operation over them.
template <Ref (*op)(Object*, Object*)>
Ref fold(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("set operation");
    Ref acc = Ref::borrow(args[0]);
    if (nargs == 1) return set_union_of(args[0], empty_tuple());
    for (size_t i = 1; i < nargs; ++i) acc = op(acc.get(), args[i]);
    return acc;
}

// The *_update methods: compute, then move the result's table into self.
template <Ref (*op)(Object*, Object*)>
Ref fold_update(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("set update");
    for (size_t i = 1; i < nargs; ++i) {
        Ref r = op(args[0], args[i]);
        Dict* fresh = as_dict(newref(as_set(r.get())->table));
        Dict* old;
        {
            CriticalSection cs(as_set(args[0])->mutex);
            old = std::exchange(as_set(args[0])->table, fresh);
        }
        decref(old);
    }
    return Ref::borrow(None);
}

Ref set_update(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("update");
    for (size_t i = 1; i < nargs; ++i)
        for_each_item(args[i], [&](Object* item) { set_add(args[0], item); });
    return Ref::borrow(None);
}

Ref set_add_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "add", nargs, kw, 1, 1);
    set_add(args[0], args[1]);
    return Ref::borrow(None);
}

Ref set_remove(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "remove", nargs, kw, 1, 1);
    if (!dict_del(as_set(args[0])->table, args[1])) raise_key_error(args[1]);
    return Ref::borrow(None);
}

Ref set_discard(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "discard", nargs, kw, 1, 1);
    dict_del(as_set(args[0])->table, args[1]);
    return Ref::borrow(None);
}

Ref set_pop(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "pop", nargs, kw, 0, 0);
    Object* k;
    size_t pos = 0;
    if (!dict_next(as_set(args[0])->table, &pos, &k, nullptr)) raise(&KeyError_type, "pop from an empty set");
    Ref item = Ref::borrow(k);
    dict_del(as_set(args[0])->table, k);
    return item;
}

Ref set_clear(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "clear", nargs, kw, 0, 0);
    dict_clear(as_set(args[0])->table);
    return Ref::borrow(None);
}

Ref set_copy(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args(type_of(args[0])->name.c_str(), "copy", nargs, kw, 0, 0);
    if (type_of(args[0]) == &frozenset_type) return Ref::borrow(args[0]);
    return set_union_of(args[0], empty_tuple());
}

Ref set_issubset(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "issubset", nargs, kw, 1, 1);
    Ref other = set_to_set(args[1]);
    return Ref::borrow(bool_obj(set_is_subset(args[0], other.get())));
}

Ref set_issuperset(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "issuperset", nargs, kw, 1, 1);
    Ref other = set_to_set(args[1]);
    return Ref::borrow(bool_obj(set_is_subset(other.get(), args[0])));
}

Ref set_isdisjoint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_args("set", "isdisjoint", nargs, kw, 1, 1);
    bool disjoint = true;
    for_each_item(args[1], [&](Object* item) { disjoint = disjoint && !set_contains(args[0], item); });
    return Ref::borrow(bool_obj(disjoint));
}

}  // namespace

#define MINIPY_SET_QUERIES                                                                            \
    {"union", fold<set_union_of>, "Return the union of sets as a new set."},                         \
        {"intersection", fold<set_intersection_of>, "Return the intersection as a new set."},        \
        {"difference", fold<set_difference_of>, "Return the difference as a new set."},              \
        {"symmetric_difference", fold<set_symmetric_difference_of>, "Items in exactly one set."},   \
        {"issubset", set_issubset, "Report whether another set contains this set."},                 \
        {"issuperset", set_issuperset, "Report whether this set contains another set."},             \
        {"isdisjoint", set_isdisjoint, "Return True if two sets have a null intersection."},         \
        {"copy", set_copy, "Return a shallow copy of a set."}

extern const MethodDef set_methods[] = {
    MINIPY_SET_QUERIES,
    {"add", set_add_method, "Add an element to a set."},
    {"remove", set_remove, "Remove an element; raise KeyError if absent."},
    {"discard", set_discard, "Remove an element if it is a member."},
    {"pop", set_pop, "Remove and return an arbitrary set element."},
    {"clear", set_clear, "Remove all elements from this set."},
    {"update", set_update, "Update the set with the union of itself and others."},
    {"intersection_update", fold_update<set_intersection_of>, "Keep only items found in all."},
    {"difference_update", fold_update<set_difference_of>, "Remove all items of others."},
    {"symmetric_difference_update", fold_update<set_symmetric_difference_of>, "Keep items in exactly one."},
    {nullptr, nullptr, nullptr},
};

extern const MethodDef frozenset_methods[] = {
    MINIPY_SET_QUERIES,
    {nullptr, nullptr, nullptr},
};

}  // namespace minipy
