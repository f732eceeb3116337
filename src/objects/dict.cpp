// dict.cpp — CPython's compact dict: a sparse index table (open addressing with perturbed probing)
// pointing into a dense, insertion-ordered entry array. Lookups compare identity, then hash, then
// ==; a user __eq__ runs with the dict unlocked, and the probe restarts if the dict changed.
#include <algorithm>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

Type dict_type;

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;  // a deleted entry's slot: probing continues past it
constexpr size_t kMinIndexSize = 8;
constexpr size_t kNoSlot = SIZE_MAX;

struct Probe {
    int64_t entry;  // position in entries, or -1 when the key is absent
    size_t slot;    // index slot of the entry, or where an absent key would go
};

// Every change to the entries bumps `version`, under the lock.
void changed(Dict* d) { ++d->version; }

// A key added or removed, or the entries moved: the entry positions that LOAD_GLOBAL caches hold
// under the keys' old version no longer count. Under the lock.
void keys_changed(Dict* d) {
    changed(d);
    d->keys_version.store(0, std::memory_order_relaxed);
}

// The source of keys versions: numbers handed out once each, to whichever dict a cache asks first.
std::atomic<uint64_t> g_next_keys_version{1};

// After a change to a type's dict, once it is complete and its lock let go: the type attribute
// caches (objects/abstract.cpp) start again from the dicts.
void changed_after(Dict* d) {
    if (d->of_type) type_modified(d->of_type);
}

// An index table given up by a resize or a clear: a lookup without the lock may still be probing it.
void free_index(Dict* d) {
    if (d->index && d->index != d->small_index)
        free_after_readers(d->index, [](void* table) { delete[] static_cast<int32_t*>(table); });
}

// Call with the dict's lock held.
Probe find(Dict* d, Object* key, int64_t h) {
restart:
    if (!d->index) return {-1, kNoSlot};
    size_t mask = d->index_size - 1;
    auto perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    size_t first_dummy = kNoSlot;
    while (true) {
        int32_t ix = d->index[i];
        if (ix == kEmpty) return {-1, first_dummy != kNoSlot ? first_dummy : i};
        if (ix == kDummy) {
            if (first_dummy == kNoSlot) first_dummy = i;
        } else {
            const DictEntry& e = d->entries[ix];
            if (e.key == key) return {ix, i};
            if (e.hash == h) {
                bool known;
                bool eq = builtin_equal(e.key, key, &known);
                if (!known) {
                    Ref k = Ref::borrow(e.key);
                    uint64_t version = d->version;
                    {
                        Unlocked unlocked(d->mutex);
                        eq = equals(k.get(), key);
                    }
                    if (d->version != version) goto restart;
                }
                if (eq) return {ix, i};
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

size_t free_slot(Dict* d, int64_t h) {
    size_t mask = d->index_size - 1;
    auto perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    while (d->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Rebuilds the index for `used` live entries at under 2/3 load, dropping deleted entries.
uint64_t hash_bit(int64_t h) { return uint64_t{1} << (static_cast<uint64_t>(h) & 63); }

// An index for `keys` keys: as many slots as resize gives that many (a power of two, a third free).
void new_index(Dict* d, size_t keys) {
    size_t size = kMinIndexSize;
    while (size * 2 < (keys + 1) * 3 || size < keys * 3) size <<= 1;
    free_index(d);
    static_assert(sizeof(Dict::small_index) / sizeof(int32_t) == kMinIndexSize);
    d->index = size == kMinIndexSize ? d->small_index : new int32_t[size];
    d->index_size = size;
    std::fill(d->index, d->index + size, kEmpty);
}

void resize(Dict* d) {
    size_t kept = 0;
    for (const DictEntry& e : d->entries)
        if (e.key) d->entries[kept++] = e;
    d->entries.truncate(kept);
    new_index(d, d->used);
    d->hash_bits = 0;
    for (size_t n = 0; n < d->entries.size(); ++n) {
        d->index[free_slot(d, d->entries[n].hash)] = static_cast<int32_t>(n);
        d->hash_bits |= hash_bit(d->entries[n].hash);
    }
    d->fill = d->used;
    keys_changed(d);
}

// Deleted slots count toward the load (CPython's dk_usable): were they left out, inserts and deletes
// could fill every slot with live or deleted entries and a probe for an absent key would never end.
bool needs_resize(const Dict* d) {
    return (std::max(d->entries.size(), d->fill) + 1) * 3 > d->index_size * 2;
}

// Adds key -> value (references taken over) as the last entry, at index slot `slot` (empty or
// deleted); returns the entry's position. The caller has checked that the key is absent and that
// the index has room.
size_t append_entry(Dict* d, size_t slot, Object* key, int64_t h, Object* value) {
    if (d->index[slot] == kEmpty) ++d->fill;
    size_t at = d->entries.size();
    d->index[slot] = static_cast<int32_t>(at);
    d->entries.push_back(DictEntry{h, key, value});
    d->hash_bits |= hash_bit(h);
    ++d->used;
    return at;
}

// Stores key -> value (both already owned by the caller's references); returns the replaced value
// or null, to be released after the lock.
// *pos, when given, gets the entry's position.
Object* insert(Dict* d, Object* key, int64_t h, Object* value, bool* key_used, size_t* pos = nullptr) {
    Probe p = find(d, key, h);
    if (p.entry >= 0) {
        changed(d);
        *key_used = false;
        if (pos) *pos = static_cast<size_t>(p.entry);
        return std::exchange(d->entries[p.entry].value, value);
    }
    keys_changed(d);
    if (needs_resize(d)) {
        resize(d);
        p.slot = free_slot(d, h);
    }
    size_t at = append_entry(d, p.slot, key, h, value);
    if (pos) *pos = at;
    *key_used = true;
    return nullptr;
}

void store(Dict* d, Object* key, int64_t h, Object* value) {
    Object* old;
    bool key_used;
    incref(key);
    incref(value);
    {
        CriticalSection cs(d->mutex);
        old = insert(d, key, h, value, &key_used);
    }
    changed_after(d);
    if (!key_used) decref(key);
    xdecref(old);
}

}  // namespace

int64_t key_hash(Object* key) {
    if (is_small_int(key)) return int_hash(key);
    if (key->type == &str_type) return str_hash(as_str(key));
    return hash(key);
}

// Equality for the key types that cannot run Python code; false in *known when undecided.
bool builtin_equal(Object* a, Object* b, bool* known) {
    *known = true;
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (ta == &str_type && tb == &str_type) return str_equal(as_str(a), as_str(b));
    if ((ta == &int_type || ta == &bool_type) && (tb == &int_type || tb == &bool_type))
        return int_compare(a, b) == 0;
    if (ta == &float_type && tb == &float_type) return float_value(a) == float_value(b);
    *known = false;
    return false;
}

Ref dict_new() {
    auto* d = new Dict();
    init_header(d, &dict_type);
    return Ref::steal(d);
}

Ref dict_new_untracked(size_t expected) {
    size_t inline_entries = std::min(expected, kMaxInlineDictEntries);
    auto* d = ::new (gc_alloc_untracked(sizeof(Dict) + inline_entries * sizeof(DictEntry))) Dict();
    init_header(d, &dict_type);
    if (expected) {
        static_assert(sizeof(Dict) % alignof(DictEntry) == 0);
        d->entries.use_inline(reinterpret_cast<DictEntry*>(d + 1), inline_entries);
        new_index(d, expected);
    }
    return Ref::steal(d);
}

void DictEntries::grow(size_t n) {
    size_t capacity = std::max({n, capacity_ * 2, size_t{4}});
    auto* grown = static_cast<DictEntry*>(::operator new(capacity * sizeof(DictEntry)));
    std::copy(data_, data_ + size_, grown);
    release_heap();
    data_ = grown;
    capacity_ = capacity;
}

void DictEntries::release_heap() {
    if (data_ && data_ != inline_) delete_after_readers(data_);
    data_ = inline_;
    capacity_ = inline_capacity_;
}

void DictEntries::take(DictEntries& from) {
    if (from.data_ != from.inline_) {
        release_heap();
        data_ = std::exchange(from.data_, from.inline_);
        capacity_ = std::exchange(from.capacity_, from.inline_capacity_);
    } else {
        std::copy(from.data_, from.data_ + from.size_, data_);
    }
    size_ = std::exchange(from.size_, 0);
}

namespace {

// Lookups without the lock, for the free-threaded flavor (CPython 3.13t's dictobject.c does the same
// with its own layout). The dict's sequence lock (runtime/flavor.h's ObjectMutex) tells whether a
// writer ran while the tables were read; the tables and the objects in them are freed through QSBR,
// so whatever is read stays readable. Keys are matched by identity only (interned names, the very
// str objects a program looks up): anything that needs == falls back to the locked lookup, since
// comparing would read a key another thread may be creating. Each answer counts only after a final
// check that no writer ran.
enum class Peek { Found, Absent, Unsure };
struct Tables {
    const int32_t* index;
    size_t index_size;
    const DictEntry* entries;
    size_t entry_count;
};

// The racy loads (MINIPY_RACY_READ, runtime/flavor.h): they count only once the sequence lock
// confirms them.
MINIPY_RACY_READ Tables peek_tables(const Dict* d) {
    return Tables{d->index, d->index_size, d->entries.data(), d->entries.size()};
}
// *entry, when given, gets the position of the entry found.
MINIPY_RACY_READ Peek peek_by_identity(const Tables& t, Object* key, int64_t h, Object** value,
                                       int32_t* entry = nullptr) {
    if (!t.index) return Peek::Absent;
    size_t mask = t.index_size - 1;
    auto perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    for (size_t probes = 0; probes < t.index_size; ++probes) {
        int32_t ix = static_cast<const volatile int32_t*>(t.index)[i];
        if (ix == kEmpty) return Peek::Absent;
        if (ix >= 0) {
            if (static_cast<size_t>(ix) >= t.entry_count) return Peek::Unsure;
            const volatile DictEntry& e = t.entries[ix];
            Object* k = e.key;
            if (k == key) {
                *value = e.value;
                if (entry) *entry = ix;
                return Peek::Found;
            }
            if (k && e.hash == h) return Peek::Unsure;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return Peek::Unsure;
}

MINIPY_RACY_READ Object* peek_entry_value(const Tables& t, uint32_t entry) {
    return static_cast<const volatile DictEntry*>(t.entries)[entry].value;
}

MINIPY_RACY_READ void peek_entry(const Tables& t, uint32_t entry, Object** key, Object** value) {
    const volatile DictEntry& e = static_cast<const volatile DictEntry*>(t.entries)[entry];
    *key = e.key;
    *value = e.value;
}

// key's value as a new reference (null when absent), or false when the caller must take the lock.
// With `count_value` false only presence is answered (*value is then borrowed and must not be used).
// *entry, when given, gets the found entry's position.
bool get_optimistic(Dict* d, Object* key, int64_t h, bool count_value, Object** value,
                    int32_t* entry = nullptr) {
    uint32_t begin = d->mutex.optimistic_read_begin();
    Tables tables = peek_tables(d);
    if (!d->mutex.optimistic_read_valid(begin)) return false;
    Object* found = nullptr;
    Peek peek = peek_by_identity(tables, key, h, &found, entry);
    if (peek == Peek::Unsure) return false;
    if (peek == Peek::Absent) {
        *value = nullptr;
        return d->mutex.optimistic_read_valid(begin);
    }
    // Valid before the value is touched, as in list.cpp's list_get_optimistic: its header was
    // written before the unlock that `begin` read.
    if (!d->mutex.optimistic_read_valid(begin)) return false;
    if (count_value && !is_small_int(found) && !refcount_try_inc(found->refcnt)) return false;
    if (!d->mutex.optimistic_read_valid(begin)) {
        if (count_value) decref(found);
        return false;
    }
    *value = found;
    return true;
}

}  // namespace

Ref dict_get_ref(Dict* d, Object* key) {
    int64_t h = key_hash(key);
    if (Object * v; object_locks_on() && get_optimistic(d, key, h, true, &v)) return Ref::steal(v);
    CriticalSection cs(d->mutex);
    Probe p = find(d, key, h);
    return p.entry >= 0 ? share_item(d->entries[p.entry].value) : nullptr;
}

bool dict_contains_key(Dict* d, Object* key) { return dict_contains_hashed(d, key, key_hash(key)); }

bool dict_contains_hashed(Dict* d, Object* key, int64_t h) {
    if (Object * v; object_locks_on() && get_optimistic(d, key, h, false, &v)) return v != nullptr;
    CriticalSection cs(d->mutex);
    return find(d, key, h).entry >= 0;
}

Object* dict_get(Dict* d, Object* key) {
    int64_t h = key_hash(key);
    CriticalSection cs(d->mutex);
    Probe p = find(d, key, h);
    return p.entry >= 0 ? d->entries[p.entry].value : nullptr;
}

namespace {

// The probe for a str key past its first slot; the caller holds the dict's lock. The entry's
// position, or -1 when absent.
__attribute__((noinline)) int64_t find_str_probing(Dict* d, Str* key, int64_t h) {
    size_t mask = d->index_size - 1;
    auto perturb = static_cast<uint64_t>(h);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i * 5 + (perturb >>= 5) + 1) & mask) {
        int32_t ix = d->index[i];
        if (ix == kEmpty) return -1;
        if (ix == kDummy) continue;
        const DictEntry& e = d->entries[ix];
        if (e.key == key) return ix;
        if (e.hash == h && type_of(e.key) == &str_type && str_equal(as_str(e.key), key)) return ix;
    }
}

// The probe for a str key; the caller holds the dict's lock. The first slot settles most reads of
// an instance's attributes (the interned name itself, or an empty slot: a method looked for in the
// instance dict first), so that check runs inline, without the loop's register saves and calls:
// bench/pyperf/deltablue.py has 1.5 million of these lookups in 10 rounds.
MINIPY_ALWAYS_INLINE int64_t find_str_entry(Dict* d, Str* key, int64_t h) {
    if (!d->index) return -1;
    int32_t ix = d->index[static_cast<size_t>(h) & (d->index_size - 1)];
    if (ix == kEmpty) return -1;
    if (ix >= 0 && d->entries[static_cast<size_t>(ix)].key == key) return ix;
    if (!(d->hash_bits & hash_bit(h))) return -1;
    return find_str_probing(d, key, h);
}

MINIPY_ALWAYS_INLINE Object* find_str_locked(Dict* d, Str* key, int64_t h) {
    int64_t ix = find_str_entry(d, key, h);
    return ix >= 0 ? d->entries[static_cast<size_t>(ix)].value : nullptr;
}

// A str's hash without a call when it is cached (interned names' always are).
MINIPY_ALWAYS_INLINE int64_t cached_str_hash(Str* s) {
    int64_t h = s->hash_cache.load(std::memory_order_relaxed);
    return h != -1 ? h : str_hash(s);
}

}  // namespace

Object* dict_get_str(Dict* d, Str* key) {
    int64_t h = cached_str_hash(key);
    CriticalSection cs(d->mutex);
    return find_str_locked(d, key, h);
}

Ref dict_get_str_ref(Dict* d, Str* key) {
    int64_t h = cached_str_hash(key);
    if (Object * v; object_locks_on() && get_optimistic(d, key, h, true, &v)) return Ref::steal(v);
    CriticalSection cs(d->mutex);
    return share_item(find_str_locked(d, key, h));
}

bool dict_contains_str(Dict* d, Str* key) {
    int64_t h = cached_str_hash(key);
    // Taking the lock here made two threads calling methods on one shared object take turns on
    // its dict's lock word: bench/threads_shared_attr.py took 0.165 s on 1 thread, 0.265 s on 2.
    if (Object * v; object_locks_on() && get_optimistic(d, key, h, false, &v)) return v != nullptr;
    CriticalSection cs(d->mutex);
    return find_str_locked(d, key, h) != nullptr;
}

DictCacheLookup dict_lookup_str_for_cache(Dict* d, Str* key) {
    int64_t h = cached_str_hash(key);
    CriticalSection cs(d->mutex);
    if (d->keys_version.load(std::memory_order_relaxed) == 0)
        d->keys_version.store(g_next_keys_version.fetch_add(1, std::memory_order_relaxed),
                              std::memory_order_relaxed);
    int64_t ix = find_str_entry(d, key, h);
    // share_item: a value another thread owns is marked, so that the cache's lock-free hits can count it.
    Ref value = ix >= 0 ? share_item(d->entries[static_cast<size_t>(ix)].value) : nullptr;
    return {std::move(value), static_cast<uint32_t>(ix >= 0 ? ix : 0),
            d->keys_version.load(std::memory_order_relaxed)};
}

Object* dict_entry_value_optimistic(Dict* d, uint64_t keys_version, uint32_t entry) {
    // As get_optimistic: the keys version and the tables are read, then confirmed by the sequence
    // lock before the entry is read, and the value is counted only once confirmed again.
    uint32_t begin = d->mutex.optimistic_read_begin();
    if (d->keys_version.load(std::memory_order_relaxed) != keys_version) return nullptr;
    Tables tables = peek_tables(d);
    if (!d->mutex.optimistic_read_valid(begin) || entry >= tables.entry_count) return nullptr;
    Object* found = peek_entry_value(tables, entry);
    if (!found || !d->mutex.optimistic_read_valid(begin)) return nullptr;
    if (!is_small_int(found) && !refcount_try_inc(found->refcnt)) return nullptr;
    if (!d->mutex.optimistic_read_valid(begin)) {
        decref(found);
        return nullptr;
    }
    return found;
}

Object* dict_get_str_hinted_slow(Dict* d, Object* key_object, std::atomic<uint32_t>* hint) {
    Str* key = as_str(key_object);
    int64_t h = cached_str_hash(key);
    if (object_locks_on()) {
        // The hinted entry, then a probe, both without the lock (as get_optimistic).
        uint32_t at = hint->load(std::memory_order_relaxed);
        uint32_t begin = d->mutex.optimistic_read_begin();
        Tables tables = peek_tables(d);
        if (d->mutex.optimistic_read_valid(begin) && at < tables.entry_count) {
            Object* k;
            Object* found;
            peek_entry(tables, at, &k, &found);
            if (k == key && found && d->mutex.optimistic_read_valid(begin) &&
                (is_small_int(found) || refcount_try_inc(found->refcnt))) {
                if (d->mutex.optimistic_read_valid(begin)) return found;
                decref(found);
            }
        }
        Object* v;
        int32_t entry = -1;
        if (get_optimistic(d, key, h, true, &v, &entry)) {
            if (v) hint->store(static_cast<uint32_t>(entry), std::memory_order_relaxed);
            return v;
        }
    }
    CriticalSection cs(d->mutex);
    int64_t ix = find_str_entry(d, key, h);
    if (ix < 0) return nullptr;
    hint->store(static_cast<uint32_t>(ix), std::memory_order_relaxed);
    return share_item(d->entries[static_cast<size_t>(ix)].value).release();
}

void dict_set_str_hinted_slow(Dict* d, Object* key, Object* value, std::atomic<uint32_t>* hint) {
    uint32_t at = hint->load(std::memory_order_relaxed);
    Object* old;
    bool key_used = false;
    incref(value);
    {
        CriticalSection cs(d->mutex);
        int64_t h = cached_str_hash(as_str(key));
        if (at < d->entries.size() && d->entries[at].key == key) {
            changed(d);
            old = std::exchange(d->entries[at].value, value);
        } else if (at == d->entries.size() && d->index && !(d->hash_bits & hash_bit(h)) && !needs_resize(d)) {
            // The next attribute an __init__ sets, in the order the class's instances set them:
            // absent by its hash bit, so it is appended without the probe that looks for it.
            keys_changed(d);
            incref(key);
            append_entry(d, free_slot(d, h), key, h, value);
            old = nullptr;
        } else {
            incref(key);
            size_t pos = 0;
            old = insert(d, key, h, value, &key_used, &pos);
            if (!key_used) decref(key);  // a new reference, never the last: the caller holds one
            hint->store(static_cast<uint32_t>(pos), std::memory_order_relaxed);
        }
    }
    changed_after(d);
    xdecref(old);
}

void dict_set(Dict* d, Object* key, Object* value) { store(d, key, key_hash(key), value); }

void dict_set_hashed(Dict* d, Object* key, int64_t hash, Object* value) { store(d, key, hash, value); }

Ref dict_setdefault_ref(Dict* d, Object* key, Object* value) {
    int64_t h = key_hash(key);
    {
        CriticalSection cs(d->mutex);
        Probe p = find(d, key, h);
        if (p.entry >= 0) return Ref::borrow(d->entries[p.entry].value);
        keys_changed(d);
        if (needs_resize(d)) {
            resize(d);
            p.slot = free_slot(d, h);
        }
        append_entry(d, p.slot, newref(key), h, newref(value));
    }
    changed_after(d);
    return Ref::borrow(value);
}

// OrderedDict.move_to_end(key): the entry goes last in one step under the lock, its index slot
// pointing at the new position, so no other thread ever finds the key absent (a delete and a
// re-insert left a moment without it). The hole it leaves counts toward the load; a resize compacts.
bool dict_move_to_end(Dict* d, Object* key) {
    int64_t h = key_hash(key);
    {
        CriticalSection cs(d->mutex);
        Probe p = find(d, key, h);
        if (p.entry < 0) return false;
        if (static_cast<size_t>(p.entry) + 1 == d->entries.size()) return true;
        DictEntry moved = d->entries[static_cast<size_t>(p.entry)];
        DictEntry& hole = d->entries[static_cast<size_t>(p.entry)];
        hole.key = nullptr;
        hole.value = nullptr;
        keys_changed(d);
        d->index[p.slot] = static_cast<int32_t>(d->entries.size());
        d->entries.push_back(moved);
        if (needs_resize(d)) resize(d);
    }
    changed_after(d);
    return true;
}

namespace {

// Removes `key`; `trim_tail`: the deleted entries at the end go at once (popitem, which looks for
// the last live entry from the end). A plain `del` leaves its entry's place empty, as CPython's, so
// an iterator that already passed it finds a key added later at a new place ("dictionary keys
// changed during iteration" for `del d[k]; d[k] = v` in a loop over d).
bool remove_key(Dict* d, Object* key, bool trim_tail) {
    int64_t h = key_hash(key);
    Object* old_key;
    Object* old_value;
    {
        CriticalSection cs(d->mutex);
        Probe p = find(d, key, h);
        if (p.entry < 0) return false;
        DictEntry& e = d->entries[p.entry];
        old_key = std::exchange(e.key, nullptr);
        old_value = std::exchange(e.value, nullptr);
        d->index[p.slot] = kDummy;
        --d->used;
        keys_changed(d);
        if (trim_tail)
            while (!d->entries.empty() && !d->entries.back().key) d->entries.pop_back();
        if (d->used == 0) {
            std::fill(d->index, d->index + d->index_size, kEmpty);
            d->fill = 0;
        }
    }
    changed_after(d);
    decref(old_key);
    decref(old_value);
    return true;
}

}  // namespace

bool dict_del(Dict* d, Object* key) { return remove_key(d, key, false); }
bool dict_del_trimming(Dict* d, Object* key) { return remove_key(d, key, true); }

bool dict_next(Dict* d, size_t* pos, Object** key, Object** value) {
    CriticalSection cs(d->mutex);
    while (*pos < d->entries.size()) {
        const DictEntry& e = d->entries[(*pos)++];
        if (e.key) {
            *key = e.key;
            if (value) *value = e.value;
            return true;
        }
    }
    return false;
}

bool dict_prev(Dict* d, size_t* pos, Object** key, Object** value) {
    CriticalSection cs(d->mutex);
    // A same-size change may have compacted the entries under the iterator.
    *pos = std::min(*pos, d->entries.size());
    while (*pos > 0) {
        const DictEntry& e = d->entries[--*pos];
        if (e.key) {
            *key = e.key;
            if (value) *value = e.value;
            return true;
        }
    }
    return false;
}

size_t dict_entry_end(Dict* d) {
    CriticalSection cs(d->mutex);
    return d->entries.size();
}

int64_t dict_size(Dict* d) {
    CriticalSection cs(d->mutex);
    return static_cast<int64_t>(d->used);
}

Ref dict_keys_list(Dict* d) {
    CriticalSection cs(d->mutex);
    Ref list = list_new(d->used);
    for (const DictEntry& e : d->entries)
        if (e.key) as_list(list.get())->items.push_back(newref(e.key));
    return list;
}

Ref dict_copy(Dict* d) {
    Ref r = dict_new();
    Dict* c = as_dict(r.get());
    CriticalSection cs(d->mutex);
    for (const DictEntry& e : d->entries)
        if (e.key) c->entries.push_back(DictEntry{e.hash, newref(e.key), newref(e.value)});
    c->used = c->entries.size();
    if (c->used) resize(c);
    return r;
}

void assign_dict_attribute(Dict*& field, Object* value) {
    if (!value) raise(&TypeError_type, "cannot delete __dict__");
    if (!is_instance(value, &dict_type))
        raise(&TypeError_type,
              format("__dict__ must be set to a dictionary, not a '%s'", type_of(value)->name.c_str()));
    Dict* old = std::exchange(field, static_cast<Dict*>(newref(value)));
    xdecref(old);
}

void dict_update(Dict* d, Object* other) {
    if (type_of(other) == &dict_type) {
        Dict* src = as_dict(other);
        Object *k, *v;
        size_t entries = dict_entry_end(src);
        for (size_t pos = 0; dict_next(src, &pos, &k, &v);) {
            Ref key = Ref::borrow(k), value = Ref::borrow(v);
            dict_set(d, k, v);
            // A key's __eq__ or __hash__ changed the source (CPython's dict_merge check).
            if (dict_entry_end(src) != entries) raise(&RuntimeError_type, "dict mutated during update");
        }
        return;
    }
    if (Ref keys = get_attr_opt(other, intern("keys"))) {
        Ref key_list = call0(keys.get());
        for_each_item(key_list.get(), [&](Object* k) {
            Ref v = get_item(other, k);
            dict_set(d, k, v.get());
        });
        return;
    }
    size_t index = 0;
    for_each_item(other, [&](Object* pair) {
        if (!type_of(pair)->iter)
            raise(&TypeError_type,
                  format("cannot convert dictionary update sequence element #%zu to a sequence", index));
        Ref items = list_from_iterable(pair);
        size_t n = as_list(items.get())->items.size();
        if (n != 2)
            raise(&ValueError_type,
                  format("dictionary update sequence element #%zu has length %zu; 2 is required", index, n));
        dict_set(d, as_list(items.get())->items[0], as_list(items.get())->items[1]);
        ++index;
    });
}

void dict_clear(Dict* d) {
    // The entries are released after the lock, from here: an instance's inline ones are copied.
    DictEntry spill[kMaxInlineDictEntries];
    DictEntries old;
    old.use_inline(spill, kMaxInlineDictEntries);
    {
        CriticalSection cs(d->mutex);
        old.take(d->entries);
        free_index(d);
        d->index = nullptr;
        d->index_size = 0;
        d->used = 0;
        d->fill = 0;
        d->hash_bits = 0;
        keys_changed(d);
    }
    changed_after(d);
    for (const DictEntry& e : old) {
        xdecref(e.key);
        xdecref(e.value);
    }
}

// ---- the dict type's slots ----
namespace {

void dict_dealloc(Object* o) {
    dict_clear(as_dict(o));
    delete as_dict(o);
}

void dict_traverse(Object* o, VisitProc visit, void* arg) {
    for (const DictEntry& e : as_dict(o)->entries) {
        if (!e.key) continue;
        visit(e.key, arg);
        if (e.value) visit(e.value, arg);
    }
}

void dict_clear_slot(Object* o) { dict_clear(as_dict(o)); }

int64_t dict_len(Object* o) { return dict_size(as_dict(o)); }

Ref dict_repr(Object* o) {
    Dict* d = as_dict(o);
    if (dict_size(d) == 0) return str_new("{}");
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("{...}");
    std::string out = "{";
    Object *k, *v;
    for (size_t pos = 0; dict_next(d, &pos, &k, &v);) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        if (out.size() > 1) out += ", ";
        out += repr_utf8(k) + ": " + repr_utf8(v);
    }
    return str_new(out + "}");
}

bool dict_equal(Dict* a, Dict* b) {
    if (dict_size(a) != dict_size(b)) return false;
    Object *k, *v;
    for (size_t pos = 0; dict_next(a, &pos, &k, &v);) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        Object* other = dict_get(b, k);
        if (!other) return false;
        Ref keep = Ref::borrow(other);
        if (!equals(v, other)) return false;
    }
    return true;
}

Ref dict_compare(Object* a, Object* b, CompareOp op) {
    if (!is_instance(b, &dict_type) || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Ref::borrow(NotImplemented);
    bool eq = dict_equal(as_dict(a), as_dict(b));
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? eq : !eq));
}

// d[key], also through dict.__getitem__: a subclass's __missing__ answers for a key the dict lacks,
// as CPython's dict_subscript asks it (urllib.parse's _Quoter hands out its bound __getitem__).
Ref dict_getitem(Object* o, Object* key) {
    if (Ref v = dict_getitem_opt(o, key)) return v;
    raise_key_error(key);
}

void dict_setitem(Object* o, Object* key, Object* value) {
    if (value)
        dict_set(as_dict(o), key, value);
    else if (!dict_del(as_dict(o), key))
        raise_key_error(key);
}

bool dict_contains(Object* o, Object* key) { return dict_contains_key(as_dict(o), key); }

Ref dict_or(Object* a, Object* b) {
    if (!is_instance(a, &dict_type) || !is_instance(b, &dict_type)) return Ref::borrow(NotImplemented);
    Ref r = dict_copy(as_dict(a));
    dict_update(as_dict(r.get()), b);
    return r;
}

Ref dict_inplace_or(Object* a, Object* b) {
    dict_update(as_dict(a), b);
    return Ref::borrow(a);
}

}  // namespace

Ref dict_getitem_opt(Object* o, Object* key) {
    Ref v = dict_get_ref(as_dict(o), key);
    if (v || type_of(o) == &dict_type) return v;
    static Str* const kMissing = intern("__missing__");
    if (Ref missing = special_method(o, kMissing)) return call1(missing.get(), key);
    return nullptr;
}

bool has_dict_getitem(Object* o) { return type_of(o)->getitem == dict_getitem; }

// dict(mapping_or_iterable=(), /, **kwargs)
Ref dict_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs > 1) raise_arg_count("dict", 0, 1, nargs);
    Ref r = dict_new();
    if (nargs == 1) dict_update(as_dict(r.get()), args[0]);
    for (size_t k = 0; kwnames && k < kwnames->size; ++k)
        dict_set(as_dict(r.get()), kwnames->items[k], args[nargs + k]);
    return r;
}

extern const MethodDef dict_methods[];  // dict_methods.cpp
Ref dict_iter_slot(Object* o);
void init_dict_view_types();

void init_dict_types() {
    Type& t = dict_type;
    t.name = "dict";
    t.instance_size = sizeof(Dict);
    t.dealloc = dict_dealloc;
    t.traverse = dict_traverse;
    t.clear = dict_clear_slot;
    t.repr = dict_repr;
    t.hash = hash_not_implemented;
    t.compare = dict_compare;
    t.len = dict_len;
    t.getitem = dict_getitem;
    t.setitem = dict_setitem;
    t.contains = dict_contains;
    t.iter = dict_iter_slot;
    t.construct = dict_construct;
    t.methods = dict_methods;
    t.is_basetype = true;
    t.binary[static_cast<size_t>(BinaryOp::Or)] = dict_or;
    t.inplace[static_cast<size_t>(BinaryOp::Or)] = dict_inplace_or;
    t.collection_flags = kTypeMapping;
    init_type(&t);
    init_dict_view_types();
}

}  // namespace minipy
