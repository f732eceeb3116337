// slot_methods.h — the dunder methods (`__add__`, `__len__`, ...) a built-in type's dict shows for
// the slots the type fills itself, as CPython's wrapper descriptors.
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds the wrappers for t's own slots to t->dict (init_type calls it after the method table).
void add_slot_methods(Type* t);
// True for the MethodDef of one of those wrappers (CPython words their errors differently).
bool is_slot_method(const MethodDef* def);

}  // namespace minipy
