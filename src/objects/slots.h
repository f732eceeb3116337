// slots.h — __slots__: the member descriptors a class gets for the names it lists, where instances
// keep those values, and whether they have a __dict__ at all (CPython's Objects/descrobject.c members).
#pragma once

#include "objects/containers.h"
#include "runtime/flavor.h"

namespace minipy {

extern Type member_descriptor_type;

// The slot values of one instance: null while a slot is unset.
struct SlotValues {
    ObjectMutex mutex;            // free-threaded flavor: a read takes its reference before a write drops it
    std::vector<Object*> values;  // owned
};

void init_member_descriptor_type();  // called once at start-up

// Reads `__slots__` from the new class's dict (t->dict, filled from the class body) and sets up t:
// a member descriptor per (mangled) name, Type::slot_count and Type::no_instance_dict. Raises
// CPython's TypeError/ValueError for bad or conflicting slots.
void setup_slots(Type* t, Tuple* bases);

// A fresh array for an instance of t (null when t has no slots), and its release at dealloc.
SlotValues* slot_values_new(const Type* t);
void slot_values_free(SlotValues* s);
// Frees the side-table slot values of an instance whose built-in base has no room for them.
void release_side_slots(Object* o);
// Those values, or null while none were stored (the collector's view: nothing is made).
SlotValues* side_slots_if_any(const Object* o);

// A member descriptor for a plain field of a built-in type, which the owner's getattr/setattr slots
// read and write (immortal, as the type is); and whether `o` is one.
Object* member_descriptor_for_field(Type* owner, Str* name);
bool is_field_member(const Object* o);

// The member descriptor protocol (objects/descriptors.cpp dispatches here): obj is never null.
Ref member_get(Object* descr, Object* obj);
void member_set(Object* descr, Object* obj, Object* value);  // value null: del

}  // namespace minipy
