// module.h — module objects: a name and a dict of globals, with attribute access into that dict.
#pragma once

#include <string>

#include "objects/containers.h"

namespace minipy {

extern Type module_type;

struct ModuleObject : Object {
    Dict* dict;  // owned: the module's globals
};

void init_module_type();  // called once at start-up
// A new module whose dict holds __name__ (and __doc__ = None).
Ref module_new(const std::string& name);
inline Dict* module_dict(Object* m) { return static_cast<ModuleObject*>(m)->dict; }
// AttributeError for `o.name`, with CPython's wording for modules ("module 'm' has no attribute 'x'").
[[noreturn]] void raise_missing_attribute(Object* o, Str* name);
inline bool is_module(const Object* o) { return type_of(o) == &module_type; }

}  // namespace minipy
