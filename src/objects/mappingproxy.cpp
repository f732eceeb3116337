// mappingproxy.cpp — types.MappingProxyType, following CPython 3.11's Objects/descrobject.c: every
// read (item, len, iteration, `in`, get, keys, values, items, copy, comparison, `|`) goes to the
// wrapped mapping; there is no way to write through it.
#include "objects/mappingproxy.h"

#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/generic_alias.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type mappingproxy_type;

namespace {

using Args = Object* const*;

struct MappingProxy : Object {
    MINIPY_GC_ALLOCATED
    Object* mapping;  // owned
};

Object* mapping_of(Object* o) { return static_cast<MappingProxy*>(o)->mapping; }

void proxy_traverse(Object* o, VisitProc visit, void* arg) { visit(mapping_of(o), arg); }

// The proxy keeps pointing at an (empty) dict, so a cleared proxy still reads as a mapping.
void proxy_clear(Object* o) {
    Object* old = std::exchange(static_cast<MappingProxy*>(o)->mapping, dict_new().release());
    decref(old);
}

void proxy_dealloc(Object* o) {
    decref(mapping_of(o));
    delete static_cast<MappingProxy*>(o);
}

// CPython's test: anything with __getitem__ but a list or a tuple (PyMapping_Check would take them).
bool is_mapping(Object* o) {
    if (is_instance(o, &list_type) || is_instance(o, &tuple_type)) return false;
    return type_of(o)->getitem != nullptr;
}

Ref proxy_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"mapping"};
    Object* a[1] = {};
    bind_args("mappingproxy", args, nargs, kw, kNames, 1, 1, a);
    if (!is_mapping(a[0]))
        raise(&TypeError_type,
              format("mappingproxy() argument must be a mapping, not %s", type_of(a[0])->name.c_str()));
    return mappingproxy_new(a[0]);
}

Ref proxy_repr(Object* o) { return str_new("mappingproxy(" + repr_utf8(mapping_of(o)) + ")"); }
Ref proxy_str(Object* o) { return str(mapping_of(o)); }
Ref proxy_getitem(Object* o, Object* key) { return get_item(mapping_of(o), key); }
int64_t proxy_len(Object* o) { return length(mapping_of(o)); }
bool proxy_contains(Object* o, Object* key) { return contains(mapping_of(o), key); }
Ref proxy_iter(Object* o) { return get_iter(mapping_of(o)); }
Ref proxy_compare(Object* a, Object* b, CompareOp op) { return compare(mapping_of(a), b, op); }

// `proxy | other` and `other | proxy` are the union of the mappings themselves: a new dict.
Ref proxy_or(Object* a, Object* b) {
    Object* left = type_of(a) == &mappingproxy_type ? mapping_of(a) : a;
    Object* right = type_of(b) == &mappingproxy_type ? mapping_of(b) : b;
    return binary_op(left, right, BinaryOp::Or);
}

Ref proxy_ior(Object*, Object*) {
    raise(&TypeError_type, "'|=' is not supported by mappingproxy; use '|' instead");
}

// The mapping's own method `name`, called with the arguments after self.
Ref forward(const char* name, Args args, size_t nargs, Tuple* kw) {
    Ref method = get_attr(mapping_of(args[0]), intern(name));
    return call(method.get(), args + 1, nargs - 1, kw);
}

Ref proxy_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get", nargs - 1, kw, 1, 2);
    return forward("get", args, nargs, kw);
}

Ref proxy_keys(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("keys", nargs - 1, kw, 0, 0);
    return forward("keys", args, nargs, kw);
}

Ref proxy_values(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("values", nargs - 1, kw, 0, 0);
    return forward("values", args, nargs, kw);
}

Ref proxy_items(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("items", nargs - 1, kw, 0, 0);
    return forward("items", args, nargs, kw);
}

Ref proxy_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    return forward("copy", args, nargs, kw);
}

Ref proxy_reversed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reversed__", nargs - 1, kw, 0, 0);
    return call1(&reversed_type, mapping_of(args[0]));
}

const MethodDef kProxyMethods[] = {
    {"get", proxy_get, "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", proxy_keys, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", proxy_values, "D.values() -> an object providing a view on D's values"},
    {"items", proxy_items, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", proxy_copy, "D.copy() -> a shallow copy of D"},
    {"__reversed__", proxy_reversed, "D.__reversed__() -> reverse iterator"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref mappingproxy_new(Object* mapping) {
    auto* p = new MappingProxy();
    init_header(p, &mappingproxy_type);
    p->mapping = newref(mapping);
    return Ref::steal(p);
}

void init_mappingproxy_type() {
    Type& t = mappingproxy_type;
    t.name = "mappingproxy";
    t.instance_size = sizeof(MappingProxy);
    t.dealloc = proxy_dealloc;
    t.traverse = proxy_traverse;
    t.clear = proxy_clear;
    t.construct = proxy_construct;
    t.repr = proxy_repr;
    t.str = proxy_str;
    t.getitem = proxy_getitem;
    t.len = proxy_len;
    t.contains = proxy_contains;
    t.iter = proxy_iter;
    t.compare = proxy_compare;
    t.hash = hash_not_implemented;  // unhashable in 3.11 (3.12 hashes the mapping)
    t.binary[static_cast<size_t>(BinaryOp::Or)] = proxy_or;
    t.inplace[static_cast<size_t>(BinaryOp::Or)] = proxy_ior;
    t.methods = kProxyMethods;
    t.collection_flags = kTypeMapping;
    init_type(&t);
    add_class_getitem(&t);
}

}  // namespace minipy
