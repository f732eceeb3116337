// getset_descriptor.h — the descriptors a built-in type's dict shows for the attributes its getattr
// slot computes (`FunctionType.__code__`, CPython's getset_descriptor and member_descriptor).
#pragma once

#include <cstddef>
#include <initializer_list>

#include "objects/object.h"

namespace minipy {

// A plain field of a built-in type (`member`) is described by a member_descriptor, the type of the
// __slots__ descriptors (objects/slots.h), as in CPython; the rest by a getset_descriptor.
extern Type getset_descriptor_type;

void init_getset_descriptor_type();
// Puts a descriptor for each name in t's dict; `member` picks member_descriptor (plain fields).
void add_attribute_descriptors(Type* t, std::initializer_list<const char*> names, bool member = false);
void add_attribute_descriptors(Type* t, const char* const* names, size_t count, bool member = false);
// The __doc__ of t's getset descriptor `name` (a static string), as CPython's getset tables give.
void set_attribute_doc(Type* t, const char* name, const char* doc);

// For the attribute lookup of instances of classes derived from such a type (CPython's tp_descr_get
// and tp_descr_set): whether `o` is one of these descriptors (both kinds are data descriptors), and
// reading, writing (value null: deleting) its attribute of `obj` through the owner type's slots.
bool is_attribute_descriptor(const Object* o);
Ref attribute_descriptor_get(Object* descriptor, Object* obj);
void attribute_descriptor_set(Object* descriptor, Object* obj, Object* value);
// The same for the owner type and attribute name: TypeError when obj is no instance of owner;
// `member` words a read-only attribute's error as member_descriptor's.
Ref builtin_attribute_read(Type* owner, Str* name, Object* obj);
void builtin_attribute_write(Type* owner, Str* name, Object* obj, Object* value, bool member);
// A class's own `__dict__` and `__weakref__` descriptors (CPython's subtype_dict and subtype_getweakref
// getsets), added by class creation where its instances gain a dict or weak references; and whether
// `o` is one (attribute lookup need not treat them as the data descriptors they are: they compute
// what the instance lookup finds anyway).
void add_instance_layout_descriptors(Type* t);
bool is_instance_layout_descriptor(const Object* o);
// A descriptor's __qualname__: its owner's, a dot, its name ("complex.real").
Ref descriptor_qualname(Type* owner, Str* name);

}  // namespace minipy
