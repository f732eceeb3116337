// set.h — the set table's operations (set.cpp), which the set operations and named methods
// (set_methods.cpp) are built from, each as CPython's Objects/setobject.c composes them.
#pragma once

#include <utility>
#include <vector>

#include "objects/containers.h"

namespace minipy {

bool is_exact_any_set(Object* o);  // exactly a set or a frozenset
bool is_set_subclass_instance(Object* o);
// A set, a frozenset, or an instance of a subclass of either: the exact types answered inline (the
// set operations ask about both operands).
inline bool is_any_set(Object* o) {
    Type* t = type_of(o);
    return t == &set_type || t == &frozenset_type || is_set_subclass_instance(o);
}
inline int64_t set_size(Object* set) {
    CriticalSection cs(as_set(set)->mutex);
    return static_cast<int64_t>(as_set(set)->used);
}

// The table, one operation each under the set's lock. `hash` is key_hash(key), computed once by
// the caller (or taken from another table's entry, as CPython does).
bool set_add_hashed(Object* set, Object* key, int64_t hash);  // false when already present
bool set_contains_hashed(Object* set, Object* key, int64_t hash);
bool set_discard_hashed(Object* set, Object* key, int64_t hash);  // false when absent
// Whether a table entry holds a key: neither never used (null) nor deleted (set.cpp's dummy key,
// with the hash -1 that no key's hash is).
inline bool set_entry_live(const SetEntry& e) { return e.key != nullptr && e.hash != -1; }
// The next live entry at or after *pos in table order, as a new reference: iteration order. Inline:
// the set operations call it once per key (`fp <= free` in bench/pyperf/meteor_contest.py, 1.1M
// times a round, spent ~20 instructions a key in the call).
inline bool set_next_entry(Object* set, size_t* pos, Ref* key, int64_t* hash) {
    SetObject* s = as_set(set);
    CriticalSection cs(s->mutex);
    for (size_t i = *pos; i <= s->mask; ++i) {
        if (set_entry_live(s->table[i])) {
            *pos = i + 1;
            *key = Ref::borrow(s->table[i].key);
            if (hash) *hash = s->table[i].hash;
            return true;
        }
    }
    *pos = s->mask + 1;
    return false;
}

// `key in set`, set.remove and set.discard: an unhashable set key is looked up as a frozenset.
bool set_contains_key(Object* set, Object* key);
bool set_discard_key(Object* set, Object* key);

// A new, empty set or frozenset: the built-in base of type t (set operations' results).
Ref set_new_basetype(Type* t);
Ref set_copy_of(Object* set);                // set_new_basetype, then merged from `set`
void set_merge(Object* set, Object* other);  // other is a set: CPython's set_merge
void set_clear_all(Object* set);
Ref set_pop_any(Object* set);  // set.pop(), from CPython's finger
// Exchanges the contents of `set` and `fresh` (a result not yet seen by other threads), as
// CPython's set_swap_bodies does for the in-place operations.
void set_swap_bodies(Object* set, Object* fresh);
// Rebuilds the table when over a quarter of it is deleted entries (after difference_update).
void set_drop_dummies(Object* set);
// The operations that dict views share (set_methods.cpp): so & other, so -= other, so ^= other,
// other any iterable.
Ref set_intersection(Object* so, Object* other);
void set_difference_update(Object* so, Object* other);
void set_symmetric_difference_update(Object* so, Object* other);

// Calls fn(key, hash) for each key of a dict, in its order, with the dict's stored hashes (CPython's
// _PyDict_Next); the keys are taken under the dict's lock, fn runs without it.
template <typename Fn>
void for_each_dict_key(Dict* d, Fn&& fn) {
    std::vector<std::pair<Ref, int64_t>> keys;
    {
        CriticalSection cs(d->mutex);
        keys.reserve(d->used);
        for (const DictEntry& e : d->entries)
            if (e.key) keys.emplace_back(Ref::borrow(e.key), e.hash);
    }
    for (const auto& [key, hash] : keys) fn(key.get(), hash);
}

}  // namespace minipy
