// embedding.h — what the VM and the native modules need from the layer above them, the interpreter
// (src/interpreter: the import system, the REPL's display of results). That layer fills in these
// function pointers once at start-up (initialize_runtime), so code below it calls up through one
// documented interface instead of linking against a higher layer.
#pragma once

#include <string>

#include "objects/containers.h"

namespace minipy {

struct EmbeddingHooks {
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
};

// Called once, before any code runs.
void set_embedding_hooks(const EmbeddingHooks& hooks);
const EmbeddingHooks& embedding_hooks();

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
