// attr_cache.cpp — filling the attribute caches of LOAD_ATTR, LOAD_METHOD and STORE_ATTR: what a
// name resolves to on a type, sorted into the kinds the interpreter loop acts on (vm/attr_cache.h).
#include "vm/attr_cache.h"

#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

// Values a class attribute read hands out as they are: they have no __get__, and never will.
bool is_plain_value(Object* v) {
    Type* t = type_of(v);
    return v == None || t == &int_type || t == &bool_type || t == &float_type || t == &str_type ||
           t == &tuple_type;
}

// How `found` (what the mro holds for the name, or null) behaves on an instance of t.
AttrKind classify(Type* t, Object* found) {
    if (!t->getattr) {
        // A built-in type: only its methods are cached, for LOAD_METHOD.
        bool method = found && is_method_descriptor(found) &&
                      static_cast<MethodDescriptor*>(found)->def->kind == MethodKind::Instance;
        return method ? AttrKind::NativeMethod : AttrKind::Uncacheable;
    }
    if (!found) return AttrKind::InstanceOnly;
    if (is_function(found)) return AttrKind::Method;
    if (is_plain_value(found)) return AttrKind::ClassValue;
    // A Python class may gain or lose __get__ and __set__ later.
    if (is_heap_type(type_of(found))) return AttrKind::Uncacheable;
    // A __slots__ member borrowed by an unrelated class (`borrowed = Other.slot`) reads no slot of
    // t's instances: the slow path raises its TypeError. The hit paths read the slot directly.
    if (type_of(found) == &member_descriptor_type &&
        !is_subtype(t, static_cast<MemberDescriptor*>(found)->owner))
        return AttrKind::Uncacheable;
    return is_data_descriptor(found) ? AttrKind::DataDescriptor : AttrKind::OtherDescriptor;
}

// C.name on a class whose metaclass is type: the mro's value is handed out as it is when it is a
// plain value or a function (objects/class_methods.cpp, class_type_getattr). Dunder names come from
// the type's own fields first.
AttrKind classify_class_attribute(Type* t, Str* name, Object* found) {
    bool dunder = name->utf8.size() > 4 && name->utf8[0] == '_' && name->utf8[1] == '_';
    if (dunder || !found || !(is_function(found) || is_plain_value(found))) return AttrKind::Uncacheable;
    return type_of(t) == &type_type ? AttrKind::ClassAttribute : AttrKind::Uncacheable;
}

// o.name(...) on a subclass of a built-in type (objects/class.h, has_side_dict_instances): a Python
// function or a built-in method, pushed unbound by LOAD_METHOD; anything else takes the slow path.
AttrKind classify_subclass_method(Object* found) {
    bool native_method = found && is_method_descriptor(found) &&
                         static_cast<MethodDescriptor*>(found)->def->kind == MethodKind::Instance;
    return found && (is_function(found) || native_method) ? AttrKind::SubclassMethod : AttrKind::Uncacheable;
}

}  // namespace

namespace {

// Whether `e` holds an answer its type's current tag still vouches for. An entry filled before any
// class was freed may name a freed type (whose memory is not read): it counts as stale.
bool entry_is_valid(const AttrCacheEntry& e) {
    if (e.types_freed.load(std::memory_order_relaxed) != types_freed()) return false;
    // Acquire, paired with the filler's release: the type may be a class another thread just made.
    Type* type = e.type.load(std::memory_order_acquire);
    uint32_t version = e.type_version.load(std::memory_order_relaxed);
    return type && version && type->version_tag.load(std::memory_order_relaxed) == version;
}

// The entry of `c` to fill for type t: one that is empty or stale (t's own stale one first, so a
// type never holds two), or null when an entry for t is still valid (it only could not be served: a
// mortal value while threads run, or the other view of a class) or every entry holds another type.
AttrCacheEntry* entry_to_fill(AttrCache& c, Type* t) {
    AttrCacheEntry* free_entry = nullptr;
    for (AttrCacheEntry& e : c.ways) {
        bool valid = entry_is_valid(e);
        if (e.type.load(std::memory_order_relaxed) == t) return valid ? nullptr : &e;
        if (!valid && !free_entry) free_entry = &e;
    }
    return free_entry;
}

}  // namespace

void attr_cache_fill(AttrCache& c, Object* o, Str* name, bool on_class) {
    static Str* const kClass = intern("__class__");
    static Str* const kDict = intern("__dict__");
    Type* t = on_class ? static_cast<Type*>(o) : type_of(o);
    // The generic lookups answer these two before the mro.
    if (name == kClass || name == kDict || !is_immortal(name)) return;
    uint32_t freed = types_freed();  // before the entry names t: a later free makes it stale
    AttrCacheEntry* entry = entry_to_fill(c, t);
    if (!entry) return;
    AttrCacheEntry& e = *entry;
    // The tag first: a change to the type after this point makes the entry stale, never wrong.
    uint32_t version = type_version(t);
    if (!version) return;
    // Types with a lookup of their own get an entry that says so, and so skip this function.
    bool side_dicts = !on_class && has_side_dict_instances(t);
    bool generic = on_class || !t->getattr || has_generic_instance_attrs(t) || side_dicts;
    Ref found = generic ? type_lookup(t, name) : nullptr;
    AttrKind kind = !generic     ? AttrKind::Uncacheable
                    : side_dicts ? classify_subclass_method(found.get())
                    : on_class   ? classify_class_attribute(t, name, found.get())
                                 : classify(t, found.get());
    if (kind == AttrKind::Uncacheable) found = nullptr;
    bool immortal = !found || freed_only_by_collector(found.get());
    if (!immortal && !unlocked_reads_keep_values_alive()) return;
    if (t->version_tag.load(std::memory_order_acquire) != version) return;
    uint32_t seq = e.seq.load(std::memory_order_relaxed);
    // Another thread is filling this entry: leave it to that thread.
    if ((seq & 1) || !e.seq.compare_exchange_strong(seq, seq + 1, std::memory_order_acquire)) return;
    std::atomic_thread_fence(std::memory_order_release);
    e.type_version.store(version, std::memory_order_relaxed);
    e.type.store(t, std::memory_order_release);
    e.types_freed.store(freed, std::memory_order_relaxed);
    e.kind.store(kind, std::memory_order_relaxed);
    e.value.store(found.get(), std::memory_order_relaxed);
    e.immortal.store(immortal, std::memory_order_relaxed);
    e.seq.store(seq + 2, std::memory_order_release);
}

}  // namespace minipy
