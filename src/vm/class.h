// class.h — classes from `class` statements (heap types) and their instances.
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

// Makes the class `name` from its bases and the namespace its body filled.
Ref class_new(const std::string& name, Tuple* bases, Dict* ns);
// builtins.__build_class__(body_function, name, *bases).
Ref build_class(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
// True for the attribute lookup of plain class instances (LOAD_METHOD's fast path).
bool is_instance_getattr(GetAttrSlot s);
// "MyError" for built-in types, "__main__.MyError" for classes defined in a module.
std::string qualified_type_name(const Type* t);

// Runs a class body function with `ns` as its namespace (interp.cpp).
Ref run_class_body(Function* body, Dict* ns);

}  // namespace minipy
