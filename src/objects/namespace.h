// namespace.h — types.SimpleNamespace, the type of sys.implementation.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type namespace_type;
void init_namespace_type();
Ref namespace_new(Type* t = &namespace_type);
void namespace_set(Object* ns, const char* name, Object* value);

}  // namespace minipy
