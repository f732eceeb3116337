// weakref_module.cpp — the native `_weakref` that CPython's weakref.py and _weakrefset.py build on:
// ref, proxy, getweakrefcount, getweakrefs and _remove_dead_weakref (the types are in objects/weakref.cpp).
#include "modules/registry.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref wr_getweakrefcount(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getweakrefcount", nargs, kw, 1, 1);
    return int_from_i64(static_cast<int64_t>(weakrefs_to(args[0]).size()));
}

Ref wr_getweakrefs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getweakrefs", nargs, kw, 1, 1);
    Ref list = list_new();
    for (Ref& r : weakrefs_to(args[0])) list_append(list.get(), r.get());
    return list;
}

Ref wr_proxy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("proxy", nargs, kw, 1, 2);
    return weakproxy_new(args[0], nargs > 1 ? args[1] : nullptr);
}

// _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead weak reference.
Ref wr_remove_dead(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_remove_dead_weakref", nargs, kw, 2, 2);
    if (!is_instance(args[0], &dict_type)) raise(&TypeError_type, "not a dict");
    Object* v = dict_get(as_dict(args[0]), args[1]);
    if (v && is_instance(v, &weakref_type) && weakref_is_dead(v)) dict_del(as_dict(args[0]), args[1]);
    return Ref::borrow(None);
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", wr_getweakrefcount, "Return the number of weak references to 'obj'."},
    {"getweakrefs", wr_getweakrefs, "Return a list of all weak reference objects pointing to 'obj'."},
    {"proxy", wr_proxy, "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", wr_remove_dead,
     "Atomically remove key from dict if it points to a dead weakref."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_weakref_module() {
    weakref_callback_error = [](Object* callback, Ref exc) {
        report_unraisable("Exception ignored in: " + repr_utf8(callback), exc.get());
    };
    Ref m = native_module_new("_weakref", kWeakrefFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("ref"), &weakref_type);
    dict_set(d, intern("ReferenceType"), &weakref_type);
    dict_set(d, intern("ProxyType"), &weakproxy_type);
    dict_set(d, intern("CallableProxyType"), &weakcallableproxy_type);
    return m;
}

}  // namespace minipy
