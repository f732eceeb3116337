// embedding.h — what the lower layers need from the layers above them: from the VM, running a
// Python function, a class body or a generator's frame (for objects/: a function object's call, a
// class statement, a generator's next()); from the interpreter (src/interpreter), the import system
// and the REPL's display of results. The interpreter layer fills in these function pointers once at
// start-up (initialize_runtime), so code below calls up through one documented interface instead of
// linking against a higher layer (tools/check-layers --link checks that nothing does).
#pragma once

#include <functional>
#include <string>

#include "objects/containers.h"

namespace minipy {

struct Frame;
struct Function;
struct ThreadState;

struct EmbeddingHooks {
    // Calls a Python function (the VM's evaluation loop in a new frame): a function object's call.
    Ref (*call_function)(Function* f, Object* const* args, size_t nargs, Tuple* kwnames);
    // Runs the thread's top frame `f` until it returns or yields, first raising `thrown` in it when
    // given: a generator's send()/throw().
    Ref (*run_frame)(ThreadState* ts, Frame* f, Ref thrown);
    // Runs a class statement's body function with `ns` as its namespace (__build_class__).
    Ref (*run_class_body)(Function* body, Dict* ns);
    // __import__(name, globals, locals, fromlist, level) given the importing module's globals (for
    // relative imports): the top package for `import a.b`, the module itself with a fromlist.
    Ref (*import_module_level)(Str* name, Object* fromlist, int level, Dict* globals);
    // `from module import name`: the attribute, or an already imported submodule.
    Ref (*import_from_module)(Object* module, Str* name);
    // `from module import *` into `locals`.
    void (*import_star)(Object* module, Dict* locals);
    // The module sys.modules holds under `name`, or null: nothing is imported.
    Ref (*loaded_module)(const char* name);
    // PRINT_EXPR: how the REPL shows an expression statement's value (sys.displayhook).
    void (*display)(Object* value);
    // An exception nobody can catch (raised by a __del__), written to sys.stderr as "Exception
    // ignored in" + where, then its traceback (modules/sys_streams.h's report_unraisable).
    void (*report_unraisable)(const std::string& where, Object* exc);
    // The same for an exception raised while finalizing `object` (sys.unraisablehook's `object`):
    // written as "Exception ignored in: <object>".
    void (*report_unraisable_in)(Object* object, Object* exc);
    // Code compiled from a string while a module is being imported (namedtuple's eval of its
    // __new__, dataclasses' exec of __init__): the compiled-code cache's copy when a run compiled
    // the same `key` (mode, optimization level, filename, text) before, else `compile()`'s, which
    // the cache then keeps (interpreter/code_cache.cpp, import_time_code).
    Ref (*import_time_code)(const std::string& key, const std::string& filename,
                            const std::function<Ref()>& compile);
};

// Called once, before any code runs.
void set_embedding_hooks(const EmbeddingHooks& hooks);
const EmbeddingHooks& embedding_hooks();

// Whether the program has ended and the interpreter layer is tearing its modules down (CPython's
// _Py_IsFinalizing): code run then (a __del__, a warning) must not import anything.
void set_finalizing();
bool is_finalizing();

inline Ref call_function(Function* f, Object* const* args, size_t nargs, Tuple* kwnames) {
    return embedding_hooks().call_function(f, args, nargs, kwnames);
}
inline Ref run_frame(ThreadState* ts, Frame* f, Ref thrown) {
    return embedding_hooks().run_frame(ts, f, std::move(thrown));
}
inline Ref run_class_body(Function* body, Dict* ns) { return embedding_hooks().run_class_body(body, ns); }
inline Ref import_module_level(Str* name, Object* fromlist, int level, Dict* globals) {
    return embedding_hooks().import_module_level(name, fromlist, level, globals);
}
inline Ref import_from_module(Object* module, Str* name) {
    return embedding_hooks().import_from_module(module, name);
}
inline void import_star(Object* module, Dict* locals) { embedding_hooks().import_star(module, locals); }
inline Ref loaded_module(const char* name) { return embedding_hooks().loaded_module(name); }

// IMPORT_NAME: one import at a time across threads (so two threads importing a module run it
// once), with the running frame's globals.
Ref import_name(Str* name, Object* fromlist, int level);

// The import lock IMPORT_NAME holds, as _imp.acquire_lock/release_lock/lock_held show it:
// recursive, waited for without the GIL. Releasing returns false when this thread does not hold it.
void import_lock_acquire();
bool import_lock_release();
bool import_lock_held();

}  // namespace minipy
