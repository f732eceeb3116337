// native_function.cpp — method descriptors and builtin functions: the glue between MethodDef tables
// and Python-level calls, with CPython's messages for a descriptor applied to the wrong object.
#include "objects/native_function.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/slot_methods.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type method_descriptor_type, classmethod_descriptor_type, wrapper_descriptor_type;
Type builtin_function_type, method_wrapper_type;

namespace {

// The methods CPython's type slots provide (typeobject.c's slotdefs), which a type's dict shows as
// slot wrappers; sorted, for the binary search.
constexpr std::string_view kSlotNames[] = {
    "__abs__",     "__add__",     "__aiter__",        "__and__",      "__anext__",    "__await__",
    "__bool__",    "__call__",    "__contains__",     "__del__",      "__delattr__",  "__delete__",
    "__delitem__", "__divmod__",  "__eq__",           "__float__",    "__floordiv__", "__ge__",
    "__get__",     "__getattr__", "__getattribute__", "__getitem__",  "__gt__",       "__hash__",
    "__iadd__",    "__iand__",    "__ifloordiv__",    "__ilshift__",  "__imatmul__",  "__imod__",
    "__imul__",    "__index__",   "__init__",         "__int__",      "__invert__",   "__ior__",
    "__ipow__",    "__irshift__", "__isub__",         "__iter__",     "__itruediv__", "__ixor__",
    "__le__",      "__len__",     "__lshift__",       "__lt__",       "__matmul__",   "__mod__",
    "__mul__",     "__ne__",      "__neg__",          "__next__",     "__or__",       "__pos__",
    "__pow__",     "__radd__",    "__rand__",         "__rdivmod__",  "__repr__",     "__rfloordiv__",
    "__rlshift__", "__rmatmul__", "__rmod__",         "__rmul__",     "__ror__",      "__rpow__",
    "__rrshift__", "__rshift__",  "__rsub__",         "__rtruediv__", "__rxor__",     "__set__",
    "__setattr__", "__setitem__", "__str__",          "__sub__",      "__truediv__",  "__xor__",
};

// Whether an instance method is a slot wrapper (bound: a method-wrapper); asked once per method,
// when its type's dict is made.
bool is_slot_wrapper(const MethodDef* def) {
    const char* n = def->name;
    if (def->kind != MethodKind::Instance || n[0] != '_' || n[1] != '_') return false;
    return std::binary_search(std::begin(kSlotNames), std::end(kSlotNames), std::string_view(n));
}

// Immortal and left to no collection: `o` describes a static method table of a type that is never
// freed, so it lives as long; being immortal, its count is never written, and threads calling
// `d.get(...)` at once do not fight over it (minipy-ft: an atomic add on one cache line per call).
Object* immortal(Object* o) {
    if (gc_has_head(o)) gc_untrack(o);
    make_immortal(o);
    return o;
}

Ref native_function_make(Type* type, const MethodDef* def, Object* self_or_null, Object* module_name) {
    auto* f = new NativeFunction();
    init_header(f, type);
    f->def = def;
    f->self = self_or_null;
    xincref(self_or_null);
    f->module = module_name;
    xincref(module_name);
    return Ref::steal(f);
}

}  // namespace

Ref native_function_new(const MethodDef* def, Object* self_or_null, Object* module_name) {
    return native_function_make(&builtin_function_type, def, self_or_null, module_name);
}

Ref method_descriptor_bind(Object* descriptor, Object* self) {
    Type* t = type_of(descriptor) == &wrapper_descriptor_type ? &method_wrapper_type : &builtin_function_type;
    return native_function_make(t, static_cast<MethodDescriptor*>(descriptor)->def, self, nullptr);
}

Ref method_descriptor_new(Type* owner, const MethodDef* def) {
    if (def->kind == MethodKind::Static) {
        // One object per static method, so that `C.__new__ is object.__new__` (inspect tests it).
        Object* f = immortal(native_function_new(def, owner).release());
        if (std::strcmp(def->name, "__new__") == 0) return Ref::borrow(f);
        return Ref::borrow(immortal(staticmethod_new(f).release()));
    }
    auto* d = new MethodDescriptor();
    Type* t = def->kind == MethodKind::Class ? &classmethod_descriptor_type
              : is_slot_wrapper(def)         ? &wrapper_descriptor_type
                                             : &method_descriptor_type;
    init_header(d, t);
    immortal(d);
    d->owner = owner;
    d->def = def;
    return Ref::steal(d);
}

bool inherits_native_init(Type* t, CallSlot init) {
    Ref found = type_lookup(t, intern("__init__"));
    return found && is_method_descriptor(found.get()) &&
           static_cast<MethodDescriptor*>(found.get())->def->fn == init;
}

void check_positional_slow(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(fname);
    if (nargs < min || nargs > max) raise_arg_count(fname, min, max, nargs);
}

// The qualified name is made only for the error: this check runs on every call of the functions
// that use it (_abc's on every isinstance of an ABC), where building it was 15% of the time.
void check_clinic_positional_slow(const char* owner, const char* fname, size_t nargs, Tuple* kwnames,
                                  size_t min, size_t max) {
    bool keywords = kwnames && kwnames->size;
    if (!keywords && nargs >= min && nargs <= max) return;
    std::string qualified = std::string(owner) + "." + fname;
    if (keywords) raise_no_kwargs(qualified.c_str());
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
    // A module's functions are bound to it, and CPython shows them (and any method bound to a
    // module, m.__dir__) as plain functions.
    if (!f->self || (type_of(o) != &method_wrapper_type && is_module(f->self)))
        return str_new(format("<built-in function %s>", f->def->name));
    if (type_of(o) == &method_wrapper_type)
        return str_new(format("<method-wrapper '%s' of %s object at %p>", f->def->name,
                              type_of(f->self)->name.c_str(), static_cast<void*>(f->self)));
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
    if (name->utf8 == "__objclass__" && type_of(o) == &method_wrapper_type)
        return Ref::borrow(type_of(f->self));
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
// pickle looks up in the module that holds it; a bound one (`[].append`, `str.maketrans`,
// `(1).__add__`) as getattr(its self, its name).
Ref native_function_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* f = static_cast<NativeFunction*>(args[0]);
    if (!f->self || is_module(f->self)) return str_new(f->def->name);
    return reduce_as_getattr(f->self, intern(f->def->name));
}

const MethodDef kNativeFunctionMethods[] = {
    {"__reduce__", native_function_reduce, nullptr},
    {nullptr, nullptr, nullptr},
};

// `list.append` and `int.__add__` pickle as getattr(list, 'append'); a classmethod descriptor
// cannot be pickled, as CPython's.
Ref descriptor_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* d = static_cast<MethodDescriptor*>(args[0]);
    return reduce_as_getattr(d->owner, intern(d->def->name));
}

const MethodDef kDescriptorMethods[] = {
    {"__reduce__", descriptor_reduce, nullptr},
    {nullptr, nullptr, nullptr},
};

void descriptor_dealloc(Object* o) { delete static_cast<MethodDescriptor*>(o); }

Ref descriptor_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* d = static_cast<MethodDescriptor*>(callable);
    const char* name = d->def->name;
    const char* owner = d->owner->name.c_str();
    if (d->def->kind == MethodKind::Class) {
        // dict.__dict__['fromkeys'](dict, keys): the class comes first, as CPython's classmethoddescr_call.
        if (nargs == 0)
            raise(&TypeError_type, format("descriptor '%s' of '%s' object needs an argument", name, owner));
        if (!is_type(args[0]))
            raise(&TypeError_type, format("descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                                          name, owner, type_of(args[0])->name.c_str()));
        if (!is_subtype(static_cast<Type*>(args[0]), d->owner))
            raise(&TypeError_type, format("descriptor '%s' requires a subtype of '%s' but received '%s'",
                                          name, owner, static_cast<Type*>(args[0])->name.c_str()));
        return call_with_self(callable, d->def, args[0], args + 1, nargs - 1, kwnames);
    }
    // A slot wrapper words its errors as CPython's wrapperdescr_call, a method as method_vectorcall's.
    bool wrapper = type_of(callable) == &wrapper_descriptor_type;
    if (nargs == 0 && wrapper)
        raise(&TypeError_type, format("descriptor '%s' of '%s' object needs an argument", name, owner));
    if (nargs == 0) raise(&TypeError_type, format("unbound method %s.%s() needs an argument", owner, name));
    if (!is_instance(args[0], d->owner) && wrapper)
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
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != type_of(a))
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
    return str_new(format(type_of(o) == &wrapper_descriptor_type ? "<slot wrapper '%s' of '%s' objects>"
                                                                 : "<method '%s' of '%s' objects>",
                          d->def->name, d->owner->name.c_str()));
}

}  // namespace

void init_native_function_types() {
    for (Type* t : {&builtin_function_type, &method_wrapper_type}) {
        t->name = t == &builtin_function_type ? "builtin_function_or_method" : "method-wrapper";
        t->instance_size = sizeof(NativeFunction);
        t->dealloc = native_function_dealloc;
        t->traverse = native_function_traverse;
        t->call = native_function_call;
        t->repr = native_function_repr;
        t->getattr = native_function_getattr;
        t->compare = native_function_compare;
        t->hash = native_function_hash;
        t->methods = kNativeFunctionMethods;
        init_type(t);
    }
    for (Type* t : {&method_descriptor_type, &classmethod_descriptor_type, &wrapper_descriptor_type}) {
        t->name = t == &method_descriptor_type        ? "method_descriptor"
                  : t == &classmethod_descriptor_type ? "classmethod_descriptor"
                                                      : "wrapper_descriptor";
        t->instance_size = sizeof(MethodDescriptor);
        t->dealloc = descriptor_dealloc;
        t->call = descriptor_call;
        t->repr = descriptor_repr;
        t->getattr = method_descriptor_getattr;
        if (t != &classmethod_descriptor_type) t->methods = kDescriptorMethods;
        init_type(t);
    }
}

}  // namespace minipy
