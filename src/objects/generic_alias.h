// generic_alias.h — types.GenericAlias (`list[int]`) and types.UnionType (`int | str`).
#pragma once

#include "objects/containers.h"

namespace minipy {

extern Type generic_alias_type, union_type;

void init_generic_alias_types();  // at start-up, after the containers
Ref generic_alias_new(Object* origin, Object* args);
// `a | b` for types, None, aliases and unions: a union (or the one member); NotImplemented otherwise.
Ref union_or(Object* a, Object* b);
// The members of a union.
const Tuple* union_args(Object* u);
// `cls.__class_getitem__(item)` of the built-in containers: cls[item] as a GenericAlias.
Ref class_getitem(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
// Gives a built-in type CPython's `__class_getitem__` classmethod (after init_type).
void add_class_getitem(Type* t);
// An alias's attribute as object.__getattribute__ finds it: its own names and GenericAlias's dict
// (its __doc__, its methods), without the origin's (null where there is none).
Ref alias_own_attribute(Object* alias, Str* name);

}  // namespace minipy
