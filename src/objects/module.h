// module.h — module objects: a name and a dict of globals, with attribute access into that dict.
#pragma once

#include <atomic>
#include <string>

#include "objects/containers.h"
#include "objects/native_function.h"

namespace minipy {

extern Type module_type;

struct ModuleObject : Object {
    Dict* dict;  // owned: the module's globals
    // Set while the import system runs the module's code: a missing attribute is then "partially
    // initialized" (most likely a circular import), as CPython's __spec__._initializing says.
    std::atomic<bool> initializing{false};
};

void init_module_type();  // called once at start-up
// A new module whose dict holds __name__ (and __doc__ = None).
Ref module_new(const std::string& name);
// What module.__new__ makes: a module with an empty dict, no name, for __init__ to fill.
Ref module_new_empty();
// A native module: module_new(name) holding one native function per entry of `functions` (a table
// ended by a null name), each bound to `self` (null for plain functions).
Ref native_module_new(const std::string& name, const MethodDef* functions, Object* self = nullptr);
inline Dict* module_dict(Object* m) { return static_cast<ModuleObject*>(m)->dict; }
// AttributeError for `o.name`, with CPython's wording for modules ("module 'm' has no attribute 'x'").
[[noreturn]] void raise_missing_attribute(Object* o, Str* name);
inline bool is_module(const Object* o) { return is_instance(o, &module_type); }
inline bool module_is_initializing(const Object* o) {
    return is_module(o) && static_cast<const ModuleObject*>(o)->initializing.load(std::memory_order_relaxed);
}

}  // namespace minipy
