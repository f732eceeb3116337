// functools_module.cpp — the native `_functools` that CPython's functools.py imports its fast
// versions from: reduce() and cmp_to_key() with its KeyWrapper objects (functools.py keeps its own
// pure-Python partial and lru_cache, which it falls back on when _functools lacks them).
#include <mutex>
#include <utility>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// reduce(function, iterable[, initial]): function(function(initial, x0), x1)...
Ref functools_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reduce", nargs, kw, 2, 3);
    Ref it;
    try {
        it = get_iter(args[1]);
    } catch (PyException& e) {
        Ref exc = e.take();
        if (!is_instance(exc.get(), &TypeError_type)) raise_object(std::move(exc));
        raise(&TypeError_type, "reduce() arg 2 must support iteration");
    }
    Ref result = nargs == 3 ? Ref::borrow(args[2]) : Ref();
    while (Ref item = iter_next(it.get())) {
        if (!result) {
            result = std::move(item);
            continue;
        }
        Object* pair[2] = {result.get(), item.get()};
        result = call(args[0], pair, 2);
    }
    if (!result) raise(&TypeError_type, "reduce() of empty iterable with no initial value");
    return result;
}

// ---- cmp_to_key ----

Type key_wrapper_type;

// What cmp_to_key(mycmp) returns, and what calling that makes for each value: `obj` is null in the
// first, the value in the others. Keys compare by the sign of mycmp(a.obj, b.obj).
struct KeyWrapper : Object {
    MINIPY_GC_ALLOCATED
    Object* cmp;  // owned
    Object* obj;  // owned or null
};

KeyWrapper* as_key(Object* o) { return static_cast<KeyWrapper*>(o); }

Ref key_new(Object* cmp, Object* obj) {
    auto* k = new KeyWrapper();
    init_header(k, &key_wrapper_type);
    k->cmp = newref(cmp);
    k->obj = obj ? newref(obj) : nullptr;
    return Ref::steal(k);
}

void key_dealloc(Object* o) {
    KeyWrapper* k = as_key(o);
    decref(k->cmp);
    xdecref(k->obj);
    delete k;
}

void key_traverse(Object* o, VisitProc visit, void* arg) {
    visit(as_key(o)->cmp, arg);
    if (Object* obj = as_key(o)->obj) visit(obj, arg);
}

void key_clear(Object* o) { xdecref(std::exchange(as_key(o)->obj, nullptr)); }

// K(obj): a key holding obj.
Ref key_call(Object* self, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"obj"};
    Object* obj[1];
    bind_args("K", args, nargs, kw, kNames, 1, 1, obj);
    return key_new(as_key(self)->cmp, obj[0]);
}

Ref key_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &key_wrapper_type) raise(&TypeError_type, "other argument must be K instance");
    KeyWrapper* x = as_key(a);
    KeyWrapper* y = as_key(b);
    if (!x->obj || !y->obj) raise(&AttributeError_type, "object");
    Object* pair[2] = {x->obj, y->obj};
    Ref sign = call(x->cmp, pair, 2);
    return compare(sign.get(), make_small_int(0), op);
}

Ref key_getattr(Object* o, Str* name) {
    if (name->utf8 == "obj") return Ref::borrow(as_key(o)->obj ? as_key(o)->obj : None);
    return generic_getattr(o, name);
}

void key_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 != "obj") raise_no_attribute(o, name);
    Object* old = as_key(o)->obj;
    as_key(o)->obj = value ? newref(value) : nullptr;
    xdecref(old);
}

Ref functools_cmp_to_key(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"mycmp"};
    Object* cmp[1];
    bind_args("cmp_to_key", args, nargs, kw, kNames, 1, 1, cmp);
    return key_new(cmp[0], nullptr);
}

void init_key_wrapper_type() {
    Type& t = key_wrapper_type;
    t.name = "functools.KeyWrapper";
    t.instance_size = sizeof(KeyWrapper);
    t.dealloc = key_dealloc;
    t.traverse = key_traverse;
    t.clear = key_clear;
    t.call = key_call;
    t.compare = key_compare;
    t.hash = hash_not_implemented;  // keys are unhashable, as CPython's
    t.getattr = key_getattr;
    t.setattr = key_setattr;
    t.construct = construct_refused;
    init_type(&t);
}

const MethodDef kFunctoolsFunctions[] = {
    {"reduce", functools_reduce,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively "
     "to the items of a sequence or iterable, from left to right, so as to reduce the iterable to a "
     "single value."},
    {"cmp_to_key", functools_cmp_to_key, "Convert a cmp= function into a key= function."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_functools_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_key_wrapper_type);
    return native_module_new("_functools", kFunctoolsFunctions);
}

}  // namespace minipy
