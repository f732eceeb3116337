// slots.h — __slots__: the member descriptors a class gets for the names it lists, where instances
// keep those values, and whether they have a __dict__ at all (CPython's Objects/descrobject.c members).
#pragma once

#include "objects/containers.h"
#include "runtime/flavor.h"

namespace minipy {

extern Type member_descriptor_type;

// The slot values of one instance: null while a slot is unset. The values follow the struct in the
// same allocation (one allocation per instance, not two: bench/pyperf/float.py makes 700,000).
struct alignas(Object*) SlotValues {
    ObjectMutex mutex;  // free-threaded flavor: a read takes its reference before a write drops it
    uint32_t count = 0;
    Object** values() { return reinterpret_cast<Object**>(this + 1); }  // owned, `count` of them
    Object** begin() { return values(); }
    Object** end() { return values() + count; }
};

void init_member_descriptor_type();  // called once at start-up

// Where a member descriptor finds its value: a slot of the instance, a slot in the side table (the
// instance's built-in base has no room), or a plain field of a built-in type, which that type's
// getattr/setattr slots reach (`complex.real`, `FunctionType.__globals__`).
enum class MemberKind : uint8_t { InInstance, SideTable, Field };

// A container: it and its class refer to each other (the class's dict holds it). A Field's is
// immortal, as its built-in type is, and left to no collection.
struct MemberDescriptor : Object {
    MINIPY_GC_ALLOCATED
    Type* owner;  // owned; the class whose __slots__ named it
    Str* name;    // owned; the mangled name
    uint32_t index;
    MemberKind kind;
};

// The value of the member `m` (kind InInstance) in `obj`, an instance of a class with m in its mro
// (the caller knows: an attribute cache hit for obj's type): a new reference, or null while unset.
// Inline for LOAD_ATTR: the descriptor call and its isinstance check took 30 instructions a read
// (bench/pyperf/float.py).
MINIPY_ALWAYS_INLINE Object* member_read_in_instance(MemberDescriptor* m, SlotValues* s) {
    CriticalSection cs(s->mutex);
    Object* v = s->values()[m->index];
    if (v) incref(v);
    return v;
}
// Stores `value` (borrowed, not null) in that member, as STORE_ATTR does.
MINIPY_ALWAYS_INLINE void member_write_in_instance(MemberDescriptor* m, SlotValues* s, Object* value) {
    Object* old;
    {
        CriticalSection cs(s->mutex);
        old = s->values()[m->index];
        s->values()[m->index] = newref(value);
    }
    xdecref(old);
}

// Reads `__slots__` from the new class's dict (t->dict, filled from the class body) and sets up t:
// a member descriptor per (mangled) name, Type::slot_count and Type::no_instance_dict. Raises
// CPython's TypeError/ValueError for bad or conflicting slots.
void setup_slots(Type* t, Tuple* bases);

// A fresh array for an instance of t (null when t has no slots), and its release at dealloc.
SlotValues* slot_values_new(const Type* t);
void slot_values_free(SlotValues* s);
// The bytes t's slot values take, and those values made (all empty) in memory the caller owns (an
// instance's own block) and dropped again there.
size_t slot_values_size(const Type* t);
SlotValues* slot_values_init(void* memory, const Type* t);
void slot_values_destroy(SlotValues* s);
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
