// native_function.h — the objects that wrap C++ functions from MethodDef tables: method descriptors
// (unbound, found in a type's dict) and builtin functions/bound methods (CPython's
// method_descriptor and builtin_function_or_method). The layouts are public so the VM can call a
// descriptor's `fn` with self prepended instead of allocating a bound method.
// As in CPython, a type's dict shows three kinds of descriptor, one layout: method_descriptor
// (`list.append`), classmethod_descriptor (`dict.fromkeys`) and wrapper_descriptor, the "slot
// wrapper" of a method a type slot provides (`int.__add__`); bound to an instance, a slot wrapper
// is a method-wrapper (`(1).__add__`), the others builtin_function_or_method. A static method is
// in the dict as its builtin function (`object.__new__`), or a staticmethod of it (`str.maketrans`).
#pragma once

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

extern Type method_descriptor_type, classmethod_descriptor_type, wrapper_descriptor_type;
extern Type builtin_function_type, method_wrapper_type;

struct MethodDescriptor : Object {
    Type* owner;
    const MethodDef* def;
};

struct NativeFunction : Object {
    MINIPY_GC_ALLOCATED
    const MethodDef* def;
    Object* self;    // owned; null for a module-level function
    Object* module;  // owned str or null: __module__, the name of the module defining the function
};

Ref native_function_new(const MethodDef* def, Object* self_or_null, Object* module_name = nullptr);
// What a type's dict holds for `def` (see above); immortal, as the type is.
Ref method_descriptor_new(Type* owner, const MethodDef* def);
// An instance method descriptor bound to `self`: a method-wrapper for a slot wrapper, else a
// builtin method.
Ref method_descriptor_bind(Object* descriptor, Object* self);
// Any of the three descriptor types (a MethodDescriptor).
inline bool is_method_descriptor(const Object* o) {
    const Type* t = type_of(o);
    return t == &method_descriptor_type || t == &wrapper_descriptor_type || t == &classmethod_descriptor_type;
}
// Whether the __init__ that `t` finds is the native `init` (t defines none of its own): then a
// type's construct slot may run the initialisation itself, as CPython's deque_new, Connection and
// Future do, since no Python __init__ will.
bool inherits_native_init(Type* t, CallSlot init);
// A NativeFunction: a builtin function or method, or a method-wrapper.
inline bool is_native_function(const Object* o) {
    return type_of(o) == &builtin_function_type || type_of(o) == &method_wrapper_type;
}

// For native functions that take only positional arguments: raises CPython's "f() takes no keyword
// arguments" or wrong-count TypeError unless min <= nargs <= max.
// Inline up to the common case (no keywords, a count in range), as is check_clinic_positional: math.sin
// and friends spent 31 instructions a call in the out-of-line check (bench/pyperf/float.py).
void check_positional_slow(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max);
inline void check_positional(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
    if (!kwnames && nargs >= min && nargs <= max) return;
    check_positional_slow(fname, nargs, kwnames, min, max);
}
// The same check with Argument Clinic's texts, which name the owner ("bytes.ljust() takes no keyword
// arguments", "marshal.loads() takes exactly one argument (2 given)") except in the wrong-count
// text of a function with a range of counts ("ljust expected at least 1 argument, got 0").
void check_clinic_positional_slow(const char* owner, const char* fname, size_t nargs, Tuple* kwnames,
                                  size_t min, size_t max);
inline void check_clinic_positional(const char* owner, const char* fname, size_t nargs, Tuple* kwnames,
                                    size_t min, size_t max) {
    if (!kwnames && nargs >= min && nargs <= max) return;
    check_clinic_positional_slow(owner, fname, nargs, kwnames, min, max);
}

// Calls def->fn with `self` placed before the arguments, as a bound method does.
Ref call_with_self(Object* callable, const MethodDef* def, Object* self, Object* const* args, size_t nargs,
                   Tuple* kwnames);

}  // namespace minipy
