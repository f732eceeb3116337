// native_function.cpp — method descriptors and builtin functions: the glue between MethodDef tables
// and Python-level calls, with CPython's messages for a descriptor applied to the wrong object.
#include "objects/native_function.h"

#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/slot_methods.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type method_descriptor_type, builtin_function_type;

Ref native_function_new(const MethodDef* def, Object* self_or_null, Object* module_name) {
    auto* f = new NativeFunction();
    init_header(f, &builtin_function_type);
    f->def = def;
    f->self = self_or_null;
    xincref(self_or_null);
    f->module = module_name;
    xincref(module_name);
    return Ref::steal(f);
}

Ref method_descriptor_new(Type* owner, const MethodDef* def) {
    auto* d = new MethodDescriptor();
    init_header(d, &method_descriptor_type);
    // It describes a static method table of a type that is never freed, so it lives as long: being
    // immortal, its count is never written, and threads calling `d.get(...)` at once do not fight
    // over it (minipy-ft: an atomic add on one cache line per call from every thread).
    make_immortal(d);
    d->owner = owner;
    d->def = def;
    if (def->kind == MethodKind::Static) {
        // As long-lived as the descriptor, and as shared: immortal too, and left to no collection.
        d->static_function = native_function_new(def, owner).release();
        gc_untrack(d->static_function);
        make_immortal(d->static_function);
    }
    return Ref::steal(d);
}

void check_positional(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(fname);
    if (nargs < min || nargs > max) raise_arg_count(fname, min, max, nargs);
}

void check_clinic_positional(const char* owner, const char* fname, size_t nargs, Tuple* kwnames, size_t min,
                             size_t max) {
    std::string qualified = std::string(owner) + "." + fname;
    if (kwnames && kwnames->size) raise_no_kwargs(qualified.c_str());
    if (nargs < min || nargs > max)
        raise_arg_count(min == max && max <= 1 ? qualified.c_str() : fname, min, max, nargs);
}

Ref call_with_self(Object* callable, const MethodDef* def, Object* self, Object* const* args, size_t nargs,
                   Tuple* kwnames) {
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    // Most calls have few arguments: a stack buffer avoids a heap allocation per call.
    Object* small[8];
    std::vector<Object*> large;
    Object** buf = small;
    if (total + 1 > 8) {
        large.resize(total + 1);
        buf = large.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    return def->fn(callable, buf, nargs + 1, kwnames);
}

namespace {

void native_function_dealloc(Object* o) {
    weakrefs_clear(o);
    auto* f = static_cast<NativeFunction*>(o);
    xdecref(f->self);
    xdecref(f->module);
    delete f;
}

// A bound built-in method keeps its self: `d["get"] = d.get` is a cycle. No clear slot, as CPython's.
void native_function_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* self = static_cast<NativeFunction*>(o)->self) visit(self, arg);
}

// A static method (str.maketrans) keeps the type defining it in `self`, as CPython's METH_STATIC
// keeps it in m_self, for its __qualname__ and repr; it is not passed to the function.
bool is_static(const NativeFunction* f) { return f->def->kind == MethodKind::Static; }

// CPython hides a static method's type from __self__ (None), but __new__ is its tp_new_wrapper,
// an ordinary method bound to the type (`object.__new__.__self__` is object).
bool hides_self(const NativeFunction* f) { return is_static(f) && std::strcmp(f->def->name, "__new__") != 0; }

Ref native_function_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* f = static_cast<NativeFunction*>(callable);
    if (f->self && !is_static(f)) return call_with_self(callable, f->def, f->self, args, nargs, kwnames);
    return f->def->fn(callable, args, nargs, kwnames);
}

Ref native_function_repr(Object* o) {
    auto* f = static_cast<NativeFunction*>(o);
    if (!f->self) return str_new(format("<built-in function %s>", f->def->name));
    if (is_type(f->self) && f->def->kind != MethodKind::Instance)
        return str_new(
            format("<built-in method %s of type object at %p>", f->def->name, static_cast<void*>(f->self)));
    return str_new(format("<built-in method %s of %s object at %p>", f->def->name,
                          type_of(f->self)->name.c_str(), static_cast<void*>(f->self)));
}

// A method's __qualname__ names its class, as CPython's meth_get__qualname__: `[].append` is
// 'list.append', `dict.fromkeys` 'dict.fromkeys', the static `str.maketrans` 'str.maketrans' (the
// defining type's name, also when looked up on a subclass); a module's function is its bare name.
Ref native_function_qualname(NativeFunction* f) {
    if (!f->self || is_module(f->self)) return str_new(f->def->name);
    Object* owner = is_type(f->self) ? f->self : type_of(f->self);
    Ref owner_name = get_attr(owner, intern("__qualname__"));
    return str_new(str_utf8_of(owner_name.get()) + "." + f->def->name);
}

Ref native_function_getattr(Object* o, Str* name) {
    auto* f = static_cast<NativeFunction*>(o);
    if (name->utf8 == "__name__") return str_new(f->def->name);
    if (name->utf8 == "__qualname__") return native_function_qualname(f);
    if (name->utf8 == "__self__") return Ref::borrow(f->self && !hides_self(f) ? f->self : None);
    if (name->utf8 == "__module__") return Ref::borrow(f->module ? f->module : None);
    if (name->utf8 == "__doc__") return f->def->doc ? str_new(f->def->doc) : Ref::borrow(None);
    return generic_getattr(o, name);
}

// A method descriptor (`list.append`, `int.__add__`): its name, its class's qualified name before
// it, its doc and the class (__objclass__), as CPython's method and wrapper descriptors.
Ref method_descriptor_getattr(Object* o, Str* name) {
    auto* d = static_cast<MethodDescriptor*>(o);
    const std::string& n = name->utf8;
    if (n == "__name__") return str_new(d->def->name);
    if (n == "__qualname__") {
        Ref owner_name = get_attr(d->owner, intern("__qualname__"));
        return str_new(str_utf8_of(owner_name.get()) + "." + d->def->name);
    }
    if (n == "__doc__") return d->def->doc ? str_new(d->def->doc) : Ref::borrow(None);
    if (n == "__objclass__") return Ref::borrow(d->owner);
    return generic_getattr(o, name);
}

// A function of a module pickles as a reference to its name (CPython's meth_reduce), which
// pickle looks up in the module that holds it; a bound method (`[].append`) cannot be pickled yet.
Ref native_function_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* f = static_cast<NativeFunction*>(args[0]);
    if (f->self && !is_static(f)) raise(&TypeError_type, "cannot pickle 'builtin_function_or_method' object");
    return str_new(f->def->name);
}

const MethodDef kNativeFunctionMethods[] = {
    {"__reduce__", native_function_reduce, nullptr},
    {nullptr, nullptr, nullptr},
};

void descriptor_dealloc(Object* o) { delete static_cast<MethodDescriptor*>(o); }

Ref descriptor_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* d = static_cast<MethodDescriptor*>(callable);
    const char* name = d->def->name;
    const char* owner = d->owner->name.c_str();
    if (d->def->kind == MethodKind::Static) return d->def->fn(callable, args, nargs, kwnames);
    if (d->def->kind == MethodKind::Class)
        return call_with_self(callable, d->def, d->owner, args, nargs, kwnames);
    if (nargs == 0) raise(&TypeError_type, format("unbound method %s.%s() needs an argument", owner, name));
    if (!is_instance(args[0], d->owner) && is_slot_method(d->def))
        raise(&TypeError_type, format("descriptor '%s' requires a '%s' object but received a '%s'", name,
                                      owner, type_of(args[0])->name.c_str()));
    if (!is_instance(args[0], d->owner))
        raise(&TypeError_type, format("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                                      owner, type_of(args[0])->name.c_str()));
    return d->def->fn(callable, args, nargs, kwnames);
}

// CPython's meth_richcompare and meth_hash: two builtin methods are equal when they wrap the same C
// function bound to the same object. minipy makes a new object per lookup (`object.__new__` twice
// gives two), so without this enum's `target not in {object.__new__, ...}` never matches.
Ref native_function_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &builtin_function_type)
        return Ref::borrow(NotImplemented);
    auto* x = static_cast<NativeFunction*>(a);
    auto* y = static_cast<NativeFunction*>(b);
    bool same = x->def == y->def && x->self == y->self;
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? same : !same));
}

int64_t native_function_hash(Object* o) {
    auto* f = static_cast<NativeFunction*>(o);
    auto h = static_cast<int64_t>((reinterpret_cast<uintptr_t>(f->def) >> 4) ^
                                  reinterpret_cast<uintptr_t>(f->self));
    return h == -1 ? -2 : h;
}

Ref descriptor_repr(Object* o) {
    auto* d = static_cast<MethodDescriptor*>(o);
    return str_new(format("<method '%s' of '%s' objects>", d->def->name, d->owner->name.c_str()));
}

}  // namespace

void init_native_function_types() {
    Type& f = builtin_function_type;
    f.name = "builtin_function_or_method";
    f.instance_size = sizeof(NativeFunction);
    f.dealloc = native_function_dealloc;
    f.traverse = native_function_traverse;
    f.call = native_function_call;
    f.repr = native_function_repr;
    f.getattr = native_function_getattr;
    f.compare = native_function_compare;
    f.hash = native_function_hash;
    f.methods = kNativeFunctionMethods;
    init_type(&f);

    Type& d = method_descriptor_type;
    d.name = "method_descriptor";
    d.instance_size = sizeof(MethodDescriptor);
    d.dealloc = descriptor_dealloc;
    d.call = descriptor_call;
    d.repr = descriptor_repr;
    d.getattr = method_descriptor_getattr;
    init_type(&d);
}

}  // namespace minipy
