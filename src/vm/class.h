// class.h — classes from `class` statements (heap types), their instances, and the attribute lookup
// they share (instance dict, class mro, descriptors).
#pragma once

#include <string>

#include "objects/containers.h"

namespace minipy {

struct Function;

// An instance of a class defined in Python: its attributes live in `dict`.
struct Instance : Object {
    Dict* dict;  // owned
};

void init_class_support();  // called once at start-up

// Makes the class `name` from its bases and the namespace its body filled; the class keywords
// (`class C(B, flag=1)`, values then names) go to the base's __init_subclass__.
Ref class_new(const std::string& name, Tuple* bases, Dict* ns, Object* const* kwargs = nullptr,
              Tuple* kwnames = nullptr);
// builtins.__build_class__(body_function, name, *bases).
Ref build_class(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
// True for types made by a class statement.
bool is_heap_type(const Type* t);
// The getattr/setattr slots of class instances: data descriptors, the instance dict, then the mro
// (CPython's PyObject_GenericGetAttr). Null when missing.
Ref class_generic_getattr(Object* o, Str* name);
void class_generic_setattr(Object* o, Str* name, Object* value);
// True for the attribute lookup of plain class instances (LOAD_METHOD's fast path).
bool is_instance_getattr(GetAttrSlot s);
// The exception type name a traceback prints: "KeyError", "MyError" (in __main__), "mod.MyError".
std::string qualified_type_name(const Type* t);
// __qualname__: "Outer.Inner" for classes made by `class`, the name for built-in types.
std::string type_qualname(const Type* t);
// Sets the slots of `t` whose dunder methods it or a base class defines (slot_wrappers.cpp).
void install_slots(Type* t);
void init_slot_wrapper_types();  // called once at start-up

// Runs a class body function with `ns` as its namespace (interp.cpp).
Ref run_class_body(Function* body, Dict* ns);

}  // namespace minipy
