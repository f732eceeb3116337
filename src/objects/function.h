// function.h — the runtime objects of Python-level code: functions (code + globals + defaults +
// closure), the cells that closures share, and bound methods.
#pragma once

#include "objects/code.h"
#include "objects/containers.h"

namespace minipy {

extern Type function_type, cell_type, method_type;

struct Function : Object {
    MINIPY_GC_ALLOCATED
    Code* code;     // owned
    Dict* globals;  // owned
    // Owned: where the function's code finds the builtins (CPython's func_builtins): the
    // globals' `__builtins__` (a module's dict) when the function is made, else the builtins of the
    // code that makes it. exec(s, {"__builtins__": {}}) runs without any (NameError for `open`).
    Object* builtins;
    Tuple* defaults;      // owned or null
    Dict* kwdefaults;     // owned or null
    Tuple* closure;       // owned or null: one cell per code->freevars
    Str* name;            // owned
    Str* qualname;        // owned
    Object* module;       // owned: __module__, a str
    Dict* dict;           // owned or null: attributes set on the function
    Object* annotations;  // owned or null: MAKE_FUNCTION's (name, value, ...) tuple, or the dict made from it
};

struct Cell : Object {
    MINIPY_GC_ALLOCATED
    Object* ref;  // owned or null (empty)
};

struct Method : Object {
    MINIPY_GC_ALLOCATED
    Object* func;  // owned
    Object* self;  // owned
};

void init_function_types();  // called once at start-up

Ref function_new(Code* code, Dict* globals);
// The builtins that code run with `globals` uses (borrowed), as CPython's
// _PyEval_BuiltinsFromGlobals: globals["__builtins__"], a module's dict for a module; without
// one, those of the running code (the interpreter's when nothing runs). Anything else there is
// used as it is, as a mapping: `exec(s, {"__builtins__": 123})` raises CPython's TypeError at the
// first builtin looked up.
Object* builtins_of_globals(Dict* globals);
// The builtins of the running code: set once by the VM, which knows its frames.
void set_running_builtins(Object* (*running)());
inline Function* as_function(Object* o) { return static_cast<Function*>(o); }
inline bool is_function(const Object* o) { return type_of(o) == &function_type; }
// minipy-ft: defers the counting of a function, staticmethod, classmethod or property as it is bound
// in a module's globals or a class's dict (kDefinedFunctionsDeferred): from then on only the
// collector frees it; nothing in minipy. Inline up to the type test: a module-level loop stores
// plain values by the million (1,000,000 two-node cycles: 1.5% of minipy-ft's time in the call).
void defer_definition_of_type(Object* value, Type* t);
extern Type property_type, staticmethod_type, classmethod_type;
MINIPY_ALWAYS_INLINE void defer_definition(Object* value) {
    if (!kDefinedFunctionsDeferred || is_small_int(value)) return;
    Type* t = value->type;
    if (t == &function_type || t == &staticmethod_type || t == &classmethod_type || t == &property_type)
        defer_definition_of_type(value, t);
}
Ref cell_new(Object* value);  // value borrowed, may be null
Ref method_new(Object* func, Object* self);

// Binds vectorcall arguments to the parameters of `f`, filling `locals` (all null on entry) with
// owned references, and raises CPython's TypeErrors ("f() missing 1 required positional argument:
// 'b'", ...). On error, the locals filled so far are left for the caller to clear.
void bind_arguments(Function* f, Object** locals, Object* const* args, size_t nargs, Tuple* kwnames);

}  // namespace minipy
