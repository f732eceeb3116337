// interp.h — the interpreter loop's entry points: run a module's code, call a Python function from
// C++, and switch on `--trace`.
#pragma once

#include "objects/code.h"
#include "objects/containers.h"
#include "objects/function.h"

namespace minipy {

// Runs module-level (or class-body) code with the given namespaces; returns its result. A function's
// code (exec(f.__code__)) runs with no arguments, its free variables' cells taken from `closure`
// (one per co_freevars; null: empty cells), and a generator's code returns the generator.
Ref run_code(Code* code, Dict* globals, Dict* locals, Tuple* closure = nullptr);

// Calls a Python function from native code (objects/embedding.h's call_function hook).
Ref run_function(Function* f, Object* const* args, size_t nargs, Tuple* kwnames);
// Runs a class body function with `ns` as its namespace (objects/embedding.h's run_class_body hook).
Ref run_class_body_function(Function* body, Dict* ns);

// `--trace`: print every instruction with the stack before it runs (to stderr).
void set_trace(bool on);
bool trace_enabled();

// The builtins dictionary every frame falls back to (set once at start-up).
// Inline: every frame pushed reads it.
inline Dict* g_builtins = nullptr;
inline Dict* builtins_dict() { return g_builtins; }
void set_builtins_dict(Dict* d);

}  // namespace minipy
