// pattern_match.cpp — the runtime side of the match statement, after CPython 3.11's ceval.c
// (match_keys, match_class): the messages and the order of lookups are CPython's.
#include "vm/pattern_match.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

namespace {

// The built-in types whose class pattern `T(x)` matches the subject itself (_Py_TPFLAGS_MATCH_SELF).
bool matches_self(Type* t) {
    static Type* const kTypes[] = {&bool_type,  &bytearray_type, &bytes_type, &dict_type,
                                   &float_type, &frozenset_type, &int_type,   &list_type,
                                   &set_type,   &str_type,       &tuple_type};
    for (Type* base : t->mro) {
        for (Type* k : kTypes) {
            if (base == k) return true;
        }
    }
    return false;
}

// One attribute for a class pattern; null when the subject lacks it (AttributeError).
Ref match_class_attr(Object* subject, Type* type, Object* name, Object* seen) {
    if (set_contains(seen, name)) {
        raise(&TypeError_type, format("%s() got multiple sub-patterns for attribute %s", type->name.c_str(),
                                      repr_utf8(name).c_str()));
    }
    set_add(seen, name);
    return get_attr_opt(subject, static_cast<Str*>(name));
}

}  // namespace

// CPython tests Py_TPFLAGS_SEQUENCE / _MAPPING on the subject's type: list, tuple, range, memoryview,
// deque, array.array, dict and mappingproxy carry them, collections.abc.Sequence and .Mapping get
// them from `__abc_tpflags__` in their body (modules/abc_module.cpp), a class registered with
// either gets its flag, and a new class takes the first one along its mro (Type::collection_flags).
bool match_sequence(Object* subject) {
    return type_of(subject)->collection_flags.load(std::memory_order_relaxed) & kTypeSequence;
}

bool match_mapping(Object* subject) {
    return type_of(subject)->collection_flags.load(std::memory_order_relaxed) & kTypeMapping;
}

// map.get(key, dummy) for each key, so that a defaultdict does not grow and a missing key costs
// no exception; a key listed twice (two value patterns equal at run time) is a ValueError.
Ref match_keys(Object* subject, Object* keys) {
    Tuple* k = as_tuple(keys);
    if (k->size == 0) return tuple_new(0);
    Ref get = get_attr(subject, intern("get"));
    Ref seen = set_new(&set_type);
    Ref dummy = call0(&object_type);
    Ref values = tuple_new(k->size);
    for (size_t i = 0; i < k->size; ++i) {
        Object* key = k->items[i];
        if (set_contains(seen.get(), key)) {
            raise(&ValueError_type, "mapping pattern checks duplicate key (" + repr_utf8(key) + ")");
        }
        set_add(seen.get(), key);
        Object* args[2] = {key, dummy.get()};
        Ref value = call(get.get(), args, 2);
        if (value.get() == dummy.get()) return Ref::borrow(None);
        as_tuple(values.get())->items[i] = value.release();
    }
    return values;
}

Ref match_class(Object* subject, Object* cls, size_t nargs, Object* names) {
    if (!is_type(cls)) raise(&TypeError_type, "called match pattern must be a type");
    Type* type = static_cast<Type*>(cls);
    if (!object_isinstance(subject, cls)) return Ref::borrow(None);
    Ref seen = set_new(&set_type);
    Ref attrs = list_new();
    if (nargs > 0) {
        bool match_self = false;
        Ref match_args = get_attr_opt(cls, intern("__match_args__"));
        if (match_args) {
            if (type_of(match_args.get()) != &tuple_type) {
                raise(&TypeError_type, format("%s.__match_args__ must be a tuple (got %s)",
                                              type->name.c_str(), type_of(match_args.get())->name.c_str()));
            }
        } else {
            // Only a type without __match_args__ matches itself, so a subclass defining it opts out.
            match_args = tuple_new(0);
            match_self = matches_self(type);
        }
        Tuple* ma = as_tuple(match_args.get());
        size_t allowed = match_self ? 1 : ma->size;
        if (allowed < nargs) {
            raise(&TypeError_type, format("%s() accepts %zu positional sub-pattern%s (%zu given)",
                                          type->name.c_str(), allowed, allowed == 1 ? "" : "s", nargs));
        }
        if (match_self) {
            list_append(attrs.get(), subject);
        } else {
            for (size_t i = 0; i < nargs; ++i) {
                Object* name = ma->items[i];
                if (type_of(name) != &str_type) {
                    raise(&TypeError_type, format("__match_args__ elements must be strings (got %s)",
                                                  type_of(name)->name.c_str()));
                }
                Ref attr = match_class_attr(subject, type, name, seen.get());
                if (!attr) return Ref::borrow(None);
                list_append(attrs.get(), attr.get());
            }
        }
    }
    Tuple* kw = as_tuple(names);
    for (size_t i = 0; i < kw->size; ++i) {
        Ref attr = match_class_attr(subject, type, kw->items[i], seen.get());
        if (!attr) return Ref::borrow(None);
        list_append(attrs.get(), attr.get());
    }
    return tuple_from_iterable(attrs.get());
}

}  // namespace minipy
