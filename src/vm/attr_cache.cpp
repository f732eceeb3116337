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

// How `found` (what the mro holds for the name, or null) behaves on an instance of t; false when
// no cache entry may stand for it.
bool classify(Type* t, Object* found, AttrKind* kind) {
    if (!t->getattr) {
        // A built-in type: only its methods are cached, for LOAD_METHOD.
        if (!found || !is_method_descriptor(found) ||
            static_cast<MethodDescriptor*>(found)->def->kind != MethodKind::Instance)
            return false;
        *kind = AttrKind::NativeMethod;
        return true;
    }
    if (!has_generic_instance_attrs(t)) return false;
    if (!found) {
        *kind = AttrKind::InstanceOnly;
    } else if (is_function(found)) {
        *kind = AttrKind::Method;
    } else if (is_plain_value(found)) {
        *kind = AttrKind::ClassValue;
    } else if (is_heap_type(type_of(found))) {
        return false;  // a Python class may gain or lose __get__ and __set__ later
    } else {
        *kind = is_data_descriptor(found) ? AttrKind::DataDescriptor : AttrKind::OtherDescriptor;
    }
    return true;
}

}  // namespace

void attr_cache_fill(AttrCache& c, Type* t, Str* name) {
    static Str* const kClass = intern("__class__");
    static Str* const kDict = intern("__dict__");
    // The generic lookups answer these two before the mro.
    if (name == kClass || name == kDict || !is_immortal(name)) return;
    if (Type* other = c.type.load(std::memory_order_relaxed); other && other != t) {
        uint32_t other_version = c.type_version.load(std::memory_order_relaxed);
        if (other_version && other->version_tag.load(std::memory_order_relaxed) == other_version) return;
    }
    // The tag first: a change to the type after this point makes the entry stale, never wrong.
    uint32_t version = type_version(t);
    if (!version) return;
    Ref found = type_lookup(t, name);
    AttrKind kind;
    if (!classify(t, found.get(), &kind)) return;
    bool immortal = !found || is_immortal(found.get());
    if (!immortal && !unlocked_reads_keep_values_alive()) return;
    if (t->version_tag.load(std::memory_order_acquire) != version) return;
    uint32_t seq = c.seq.load(std::memory_order_relaxed);
    // Another thread is filling this entry: leave it to that thread.
    if ((seq & 1) || !c.seq.compare_exchange_strong(seq, seq + 1, std::memory_order_acquire)) return;
    std::atomic_thread_fence(std::memory_order_release);
    c.type_version.store(version, std::memory_order_relaxed);
    c.type.store(t, std::memory_order_relaxed);
    c.kind.store(kind, std::memory_order_relaxed);
    c.value.store(found.get(), std::memory_order_relaxed);
    c.immortal.store(immortal, std::memory_order_relaxed);
    c.seq.store(seq + 2, std::memory_order_release);
}

}  // namespace minipy
