// descriptors.h — property, staticmethod, classmethod and super, and the descriptor protocol that
// attribute lookup on classes and instances applies to what it finds in a class's dict.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type property_type, staticmethod_type, classmethod_type, super_type;

void init_descriptor_types();  // called once at start-up
// staticmethod(func).
Ref staticmethod_new(Object* func);

// What a class attribute `attr` found on `owner` becomes when looked up through `obj` (null when
// looked up on the class itself): functions bind to obj, classmethods to owner, properties run
// their getter, user objects with __get__ are asked.
Ref bind_class_attr(Object* attr, Object* obj, Type* owner);
// __set_name__: tells `attr` (a property, or an object whose class defines __set_name__) the name
// it was given in the body of `owner`.
void descriptor_set_name(Object* attr, Type* owner, Str* name);
// True for descriptors that instance dicts cannot shadow (property, or a class defining __set__).
bool is_data_descriptor(Object* attr);
// A data descriptor that also reads (has __get__): a read finds it before the instance dict. One
// with only __set__/__delete__ leaves reads to the instance dict, then hands out itself.
bool is_data_descriptor_with_get(Object* attr);
// `obj.name = value` (value null: del) through a data descriptor.
void data_descriptor_set(Object* attr, Object* obj, Object* value);
// LOAD_METHOD on a super object: when super().name is a Python function bound to an instance, the
// function, with *self set to that instance, so the call needs no bound method; null otherwise.
Ref super_method(Object* super, Str* name, Object** self);
// What a super object (or one of a class derived from super) finds for `name` in the mro after its
// class, bound; null when the search does not apply or finds nothing.
Ref super_attribute(Object* super, Str* name);

}  // namespace minipy
