// attr_cache.h — the attribute caches of LOAD_ATTR, LOAD_METHOD and STORE_ATTR (CPython 3.11's
// specialized LOAD_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES and friends, kept in a side table):
// each code object remembers, per name, what the name resolved to on the last type it was looked up
// on (objects/code.h, AttrCache), under that type's version tag. While the tag stays, the walk of the
// mro and the classification of what it found are skipped.
//
// minipy-ft's threads share the entries: an entry is a seqlock (as the LOAD_GLOBAL cache), and a
// value that only the collector may free (immortal or deferred) is served always, any other only
// while unlocked reads keep it alive (runtime/flavor.h): methods are deferred there, so they are.
#pragma once

#include "objects/class.h"
#include "objects/code.h"
#include "objects/descriptors.h"
#include "objects/object.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "runtime/flavor.h"

namespace minipy {

struct AttrCacheHit {
    AttrKind kind;
    Object* value;  // borrowed; null for InstanceOnly
};

// Whether the entry `e` holds what the name resolves to on type t now; fills *hit when it does.
MINIPY_ALWAYS_INLINE bool attr_cache_entry_read(const AttrCacheEntry& e, uint32_t version,
                                                AttrCacheHit* hit) {
    uint32_t seq = e.seq.load(std::memory_order_acquire);
    if ((seq & 1) || e.type_version.load(std::memory_order_relaxed) != version) return false;
    hit->kind = e.kind.load(std::memory_order_relaxed);
    hit->value = e.value.load(std::memory_order_relaxed);
    bool immortal = e.immortal.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (e.seq.load(std::memory_order_relaxed) != seq) return false;
    return immortal || unlocked_reads_keep_values_alive();
}

// Whether `c` holds what the name resolves to on type t now; fills *hit when it does. A type's
// version tag is its alone, so matching the tag matches the type.
MINIPY_ALWAYS_INLINE bool attr_cache_read(const AttrCache& c, const Type* t, AttrCacheHit* hit) {
    uint32_t version = t->version_tag.load(std::memory_order_relaxed);
    if (version == 0) return false;
    for (const AttrCacheEntry& e : c.ways)
        if (attr_cache_entry_read(e, version, hit)) return true;
    return false;
}

// After a miss: looks `name` up on t and records the answer (Uncacheable when t's attribute lookup
// is not the generic one, or the answer is a descriptor whose class is a Python class, whose __get__
// or __set__ may come and go) in an empty or stale entry. When every entry holds a valid answer for
// another type, nothing changes: a name read on more types than there are entries keeps the first
// ones, rather than refilling at every change of type.
// `o` is the object whose attribute was read; `on_class`: o is a class whose metaclass is type, and
// the entry is for LOAD_ATTR of the class's own attribute (`Strength.REQUIRED`), under its own tag.
__attribute__((cold, noinline)) void attr_cache_fill(AttrCache& c, Object* o, Str* name, bool on_class);

// Whether o is a plain class instance (class Instance) for this answer.
inline bool is_instance_kind(AttrKind k) { return k >= AttrKind::InstanceOnly; }

// The attribute a cached answer gives for the plain class instance `o` (a new reference), or null
// when the instance itself decides (the slow path then reports the missing attribute).
// `dict_checked`: o's __dict__ was already searched and does not hold the name; else it is searched
// from the entry at `dict_hint` (a class with a property anywhere in its mro reads every attribute
// here: bench/classes.py's Particle, 363k unhinted lookups at 68 instructions in 250 steps).
inline Object* load_attr_hit(Object* o, Str* name, const AttrCacheHit& hit, bool dict_checked,
                             std::atomic<uint32_t>* dict_hint) {
    if (!is_instance_kind(hit.kind)) return nullptr;
    if (hit.kind == AttrKind::DataDescriptor) {
        // A __slots__ member: its value read directly, not through the descriptor protocol.
        if (type_of(hit.value) == &member_descriptor_type) {
            auto* m = static_cast<MemberDescriptor*>(hit.value);
            if (m->kind == MemberKind::InInstance) {
                if (Object* v = member_read_in_instance(m, static_cast<Instance*>(o)->slots)) return v;
            }
            return member_get(hit.value, o).release();  // unset (AttributeError), or kept elsewhere
        }
        return bind_class_attr(hit.value, o, type_of(o)).release();
    }
    if (!dict_checked) {
        if (Dict* d = static_cast<Instance*>(o)->dict) {
            if (Object* v = dict_get_str_hinted(d, name, dict_hint)) return v;
        }
    }
    switch (hit.kind) {
        case AttrKind::ClassValue:
            return newref(hit.value);
        case AttrKind::Method:
        case AttrKind::OtherDescriptor:
            return bind_class_attr(hit.value, o, type_of(o)).release();
        default:
            return nullptr;
    }
}

}  // namespace minipy
