// containers.h — tuple, list, dict, set and range: the layouts the VM builds directly, and the
// functions it calls on its fast paths. Their methods live in tuple.cpp, list.cpp, dict.cpp, ...
#pragma once

#include <atomic>
#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

extern Type tuple_type, list_type, dict_type, set_type, frozenset_type, range_type, slice_type;

// tuple: items stored inline after the header.
struct Tuple : Object {
    size_t size;
    Object* items[1];  // `size` entries, each owned
};
Ref tuple_new(size_t size);  // items zeroed; the caller fills each with an owned reference
Ref tuple_from(Object* const* items, size_t n);  // borrows, increfs each
Tuple* empty_tuple();
// `o` itself when it is exactly a tuple, else a tuple with its items (for subclass instances).
Ref tuple_exact(Object* o);
inline Tuple* as_tuple(Object* o) { return static_cast<Tuple*>(o); }

// list. Its item array may be read without the lock (list_get_opt): replaced arrays wait for QSBR.
using ListItems = std::vector<Object*, ReaderSafeAllocator<Object*>>;
struct List : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // free-threaded flavor: each list operation is atomic
    ListItems items;    // each owned
};
Ref list_new(size_t reserve = 0);
Ref list_from(Object* const* items, size_t n);  // borrows
void list_append(Object* list, Object* item);   // borrows item
void list_extend(Object* list, Object* iterable);
// Releases a list's items as CPython does, the last one first.
void list_release_items(const ListItems& items);
Ref list_get_opt(Object* list, size_t i);  // new reference, null when i is out of range
// list_get_opt's path under the list's lock, taken when a lock-free read gave up.
Ref list_get_locked(Object* list, size_t i);
// A new reference to `item` (or null), read under its list's or dict's lock after a lock-free read
// could not count one: marks it (refcount_mark_maybe_shared) so that the next lock-free reads can.
inline Ref share_item(Object* item) {
    // Under the container's lock the item is alive, so refcount_try_inc fails only for an object
    // another thread owns that no thread but its owner has counted yet.
    if (item && !is_small_int(item) && !refcount_try_inc(item->refcnt)) {
        refcount_mark_maybe_shared(item->refcnt);
        return Ref::borrow(item);
    }
    return Ref::steal(item);
}

MINIPY_RACY_READ void list_peek_items(const ListItems& items, Object* const** data, size_t* size) {
    *data = items.data();
    *size = items.size();
}
MINIPY_RACY_READ Object* list_peek_slot(Object* const* slot) {
    return *static_cast<Object* const volatile*>(slot);
}

// list[i] without taking the lock, as CPython's free-threaded list_get_item_ref: read the array and
// the slot, count a reference only if the object is certainly alive (refcount_try_inc), and keep
// it only if no writer ran meanwhile. The array and the object stay readable however the race ends
// (both are freed through QSBR). Returns false when the caller must take the lock: a writer held
// it or ran, or the object's count could not be raised safely. Otherwise *item is the new reference,
// or null when i is out of range. Without the lock two threads reading one list no longer take
// turns on its lock word: bench/threads_shared.py with 2 worker threads took 2.90 s instead of
// 4.45 s (load 20). Inline in the interpreter loop: out of line, with its two reads behind calls,
// it held 16-28% of threads_shared's samples.
MINIPY_ALWAYS_INLINE bool list_get_optimistic(List* l, size_t i, Object** item) {
    uint32_t begin = l->mutex.optimistic_read_begin();
    Object* const* data;
    size_t size;
    list_peek_items(l->items, &data, &size);
    if (!l->mutex.optimistic_read_valid(begin)) return false;
    if (i >= size) {
        *item = nullptr;
        return true;
    }
    Object* found = list_peek_slot(data + i);
    // Valid here too, before the object is touched: then the store that put it in the slot came
    // before the unlock whose word `begin` read (an acquire), so its header is fully written. Without
    // this check a reader could test the count of an object another thread is still making.
    if (!l->mutex.optimistic_read_valid(begin)) return false;
    if (!is_small_int(found) && !refcount_try_inc(found->refcnt)) return false;
    if (!l->mutex.optimistic_read_valid(begin)) {
        decref(found);
        return false;
    }
    *item = found;
    return true;
}
// list[i] = value (borrowed) when 0 <= i < len; false, changing nothing, otherwise.
bool list_set_opt(Object* list, size_t i, Object* value);
Ref list_from_iterable(Object* iterable);                // list(iterable)
Ref tuple_from_iterable(Object* iterable);               // tuple(iterable); returns a tuple argument as is
Ref list_sort(Object* list, Object* key, bool reverse);  // list.sort(); returns None
inline List* as_list(Object* o) { return static_cast<List*>(o); }
// list[i] and list[i] = value for the interpreter loop, inline while no object locks are taken:
// list_get_opt and list_set_opt without the call.
MINIPY_ALWAYS_INLINE Object* list_get_new(Object* list, size_t i) {
    if (object_locks_on()) {
        if (Object * item; list_get_optimistic(as_list(list), i, &item)) return item;
        return list_get_locked(list, i).release();
    }
    const ListItems& items = as_list(list)->items;
    return i < items.size() ? newref(items[i]) : nullptr;
}
MINIPY_ALWAYS_INLINE bool list_set(Object* list, size_t i, Object* value) {
    if (object_locks_on()) return list_set_opt(list, i, value);
    ListItems& items = as_list(list)->items;
    if (i >= items.size()) return false;
    Object* old = items[i];
    items[i] = newref(value);
    decref(old);
    return true;
}

// dict: insertion-ordered, open addressing over an index table into a dense entry array.
struct DictEntry {
    int64_t hash;
    Object* key;    // owned; null marks a deleted entry
    Object* value;  // owned
};
// A class instance's __dict__ keeps up to this many entries inside its own allocation.
inline constexpr size_t kMaxInlineDictEntries = 16;
// A dict's entries, kept as std::vector keeps them, except that a dict made for a class instance
// (dict_new_untracked) holds the first ones in its own allocation, right after the Dict: room for
// as many attributes as the class's instances had, so that an instance's __dict__ is one allocation,
// not two (a million two-node cycles: the entries' allocation and free were 8% of minipy's
// instructions). Outgrown storage is freed as ReaderSafeAllocator frees, once no lock-free reader
// can still be reading it; the inline storage lives as long as the dict, and a reader that raced a
// writer there is sent back by the dict's sequence lock, as for the index.
class DictEntries {
public:
    DictEntries() = default;
    DictEntries(const DictEntries&) = delete;
    DictEntries& operator=(const DictEntries&) = delete;
    ~DictEntries() { release_heap(); }

    // Gives an empty table `capacity` entries of storage that outlives it.
    void use_inline(DictEntry* storage, size_t capacity) {
        release_heap();
        data_ = inline_ = storage;
        capacity_ = inline_capacity_ = capacity;
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    size_t capacity() const { return capacity_; }
    DictEntry* data() { return data_; }
    const DictEntry* data() const { return data_; }
    DictEntry& operator[](size_t i) { return data_[i]; }
    const DictEntry& operator[](size_t i) const { return data_[i]; }
    DictEntry* begin() { return data_; }
    DictEntry* end() { return data_ + size_; }
    const DictEntry* begin() const { return data_; }
    const DictEntry* end() const { return data_ + size_; }
    DictEntry& back() { return data_[size_ - 1]; }
    void pop_back() { --size_; }
    void push_back(const DictEntry& e) {
        if (size_ == capacity_) grow(size_ + 1);
        data_[size_++] = e;
    }
    void truncate(size_t n) { size_ = n; }
    // Moves `from`'s entries here (this table is empty and its inline storage holds as many as
    // `from`'s can), leaving `from` empty on its inline storage: dict_clear releases them after the
    // lock, while code run by a release may fill the dict again.
    void take(DictEntries& from);

private:
    void grow(size_t n);
    void release_heap();

    DictEntry* data_ = nullptr;
    size_t size_ = 0;
    size_t capacity_ = 0;
    DictEntry* inline_ = nullptr;  // the dict's own storage, or null
    size_t inline_capacity_ = 0;
};
struct Dict : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;
    Type* of_type = nullptr;  // the type whose dict this is: changing it invalidates its caches
    // Both tables may be read without the lock (dict.cpp's optimistic lookups): replaced ones wait
    // for QSBR (runtime/flavor.h).
    DictEntries entries;
    int32_t* index = nullptr;  // slot -> entry position, -1 empty, -2 deleted
    size_t index_size = 0;     // power of two
    // The index of a dict of up to five keys (the smallest index) lives here: an instance's __dict__
    // costs one allocation less. A lookup without the lock may read it as the dict is rebuilt, as
    // it may read a replaced table: the sequence lock tells it to try again, and it stays readable.
    int32_t small_index[8];
    size_t used = 0;  // live entries
    size_t fill = 0;  // index slots not empty: live entries plus deleted ones (dummies)
    // Bit (hash & 63) is set for every key added since the index was last built: a clear bit proves
    // a key of that hash absent without the probe. A method looked for in an instance's __dict__
    // (LOAD_METHOD's shadow check) probed past an occupied first slot in 524k of 947k lookups in 20
    // rounds of bench/pyperf/deltablue.py, at 40 instructions each (callgrind). Under the lock.
    uint64_t hash_bits = 0;
    uint64_t version = 0;  // bumped on every change, under the lock: a probe that ran __eq__ restarts
    // The version of the keys' layout, for the LOAD_GLOBAL cache (dict_lookup_str_for_cache): 0
    // until a cache asks for it, then a number no dict ever had, reset to 0 whenever a key is added
    // or removed or the entries move. Storing a value into an existing key keeps it. Written under
    // the lock, read without it.
    std::atomic<uint64_t> keys_version{0};
};
Ref dict_new();
// A dict the collector does not look at by itself: a class instance's own __dict__, which the
// instance's traverse slot reads through while the instance holds the only reference to it (CPython
// 3.11 keeps such attributes inline in the instance). The collector tracks it once another
// reference appears (gc_track_escaped_dict in objects/class.h).
// `expected`: the number of keys it will likely hold (the class's instances so far), so that
// filling it needs no resize.
Ref dict_new_untracked(size_t expected = 0);
Object* dict_get(Dict* d, Object* key);  // borrowed, null when absent; may raise (hash)
// dict.setdefault: the value of `key`, or `value` stored under it when absent, in one step (one
// hash, one probe, atomic in minipy-ft).
Ref dict_setdefault_ref(Dict* d, Object* key, Object* value);
// As dict_get, but the reference is taken before another thread can drop it (d[k], d.get(k)).
Ref dict_get_ref(Dict* d, Object* key);
bool dict_contains_key(Dict* d, Object* key);  // key in d
// The same for a key whose hash the caller already has (another table's stored hash): __hash__ is
// not called again, as CPython's set and dict operations between the two.
bool dict_contains_hashed(Dict* d, Object* key, int64_t hash);
// Whether o[key] is dict's own lookup: o is a dict, or of a subclass that does not override
// __getitem__.
bool has_dict_getitem(Object* o);
// For such an o: o[key] (a subclass's __missing__ answers a miss), or null, not KeyError, for a
// miss: callers that take a miss as an answer (str.translate, a class body's names) then need no
// C++ throw and catch.
Ref dict_getitem_opt(Object* o, Object* key);
Object* dict_get_str(Dict* d, Str* key);  // fast path for interned str keys
// As dict_get_str, but the reference is taken under the dict's lock: safe while other threads
// may replace or delete the entry (free-threaded global loads).
Ref dict_get_str_ref(Dict* d, Str* key);
// Whether an interned str key is in d, read without the dict's lock where it can be: the interpreter
// asks it of an instance's dict at every method call (is the method shadowed?).
bool dict_contains_str(Dict* d, Str* key);
// What the LOAD_GLOBAL cache (vm/interp_support.h) keeps of a lookup, as CPython 3.11's
// LOAD_GLOBAL_MODULE keeps dk_version and an index: the value (a new reference, null when absent),
// the entry that holds it, and the keys version under which that entry holds the key, all read
// under one lock. Keys versions are never reused, by any dict: wherever a cache finds the same
// version, it finds the key at the same entry.
struct DictCacheLookup {
    Ref value;
    uint32_t entry = 0;
    uint64_t keys_version = 0;
};
DictCacheLookup dict_lookup_str_for_cache(Dict* d, Str* key);
// The value of entry `entry` as a new reference, provided d's keys still have `keys_version`;
// null when they do not, or (free-threaded) when a writer ran during the read: the cache's hit.
Object* dict_entry_value_optimistic(Dict* d, uint64_t keys_version, uint32_t entry);
MINIPY_ALWAYS_INLINE Object* dict_cached_entry_value(Dict* d, uint64_t keys_version, uint32_t entry) {
    if (object_locks_on()) return dict_entry_value_optimistic(d, keys_version, entry);
    if (d->keys_version.load(std::memory_order_relaxed) != keys_version) return nullptr;
    return newref(d->entries[entry].value);
}
void dict_set(Dict* d, Object* key, Object* value);  // borrows both
void dict_set_hashed(Dict* d, Object* key, int64_t hash, Object* value);
// An instance's attributes by entry position, as CPython 3.11's LOAD_ATTR_WITH_HINT /
// STORE_ATTR_WITH_HINT: the instances of a class, filled by one __init__, hold each attribute at the
// same position of their dicts, so the LOAD_ATTR/STORE_ATTR cache (objects/code.h, AttrCache) keeps
// the position where the name was last found and the entry there is tried first, matched by the
// key's identity (interned names); only when it does not hold the key does the probe run, and the
// position it finds becomes the hint. Any hint is safe: it is checked against the entries, and
// threads may race on it (a lost update costs a probe). The value as a new reference, or null when
// absent. bench/pyperf/deltablue.py (20 rounds, callgrind): dict_get_str_ref took 53 instructions a
// call, dict_set 135.
Object* dict_get_str_hinted_slow(Dict* d, Object* key, std::atomic<uint32_t>* hint);
// `key` is an interned str (an Object* here, where Str is incomplete).
MINIPY_ALWAYS_INLINE Object* dict_get_str_hinted(Dict* d, Object* key, std::atomic<uint32_t>* hint) {
    if (!object_locks_on()) {
        uint32_t at = hint->load(std::memory_order_relaxed);
        if (at < d->entries.size() && d->entries[at].key == key) return newref(d->entries[at].value);
    }
    return dict_get_str_hinted_slow(d, key, hint);
}
// d[key] = value (value borrowed) for an interned str key, trying the entry at *hint first.
void dict_set_str_hinted_slow(Dict* d, Object* key, Object* value, std::atomic<uint32_t>* hint);
MINIPY_ALWAYS_INLINE void dict_set_str_hinted(Dict* d, Object* key, Object* value,
                                              std::atomic<uint32_t>* hint) {
    if (!object_locks_on() && !d->of_type) {
        uint32_t at = hint->load(std::memory_order_relaxed);
        if (at < d->entries.size() && d->entries[at].key == key) {
            ++d->version;  // as every change
            Object* old = std::exchange(d->entries[at].value, newref(value));
            decref(old);
            return;
        }
    }
    dict_set_str_hinted_slow(d, key, value, hint);
}
bool dict_del(Dict* d, Object* key);  // false when absent
// dict_del for popitem: the deleted entries at the end are dropped at once.
bool dict_del_trimming(Dict* d, Object* key);
bool dict_move_to_end(Dict* d, Object* key);  // the entry made last at once; false when absent
Ref dict_keys_list(Dict* d);
Ref dict_copy(Dict* d);
// d.update(other): a dict, an object with keys(), or an iterable of pairs.
void dict_update(Dict* d, Object* other);
// `x.__dict__ = value` (value null: del) for an object keeping its dict in `field` (functions,
// staticmethod, classmethod): CPython's TypeErrors for del and for a value that is no dict.
void assign_dict_attribute(Dict*& field, Object* value);
int64_t dict_size(Dict* d);
void dict_clear(Dict* d);
// Iterates live entries in insertion order: `for (size_t i = 0; dict_next(d, &i, &k, &v);)`.
bool dict_next(Dict* d, size_t* pos, Object** key, Object** value);
// The same backwards, for reversed(dict): start `pos` at dict_entry_end(d).
bool dict_prev(Dict* d, size_t* pos, Object** key, Object** value);
size_t dict_entry_end(Dict* d);
inline Dict* as_dict(Object* o) { return static_cast<Dict*>(o); }
// hash(key) with the fast paths of str and small int keys, for dict and set probes.
int64_t key_hash(Object* key);
// key == other for the key types whose __eq__ cannot run Python code (str, int, float); sets *known
// false, deciding nothing, for all others.
bool builtin_equal(Object* a, Object* b, bool* known);

// set / frozenset: CPython's set table (Objects/setobject.c), so items iterate, print and pop in
// the order CPython's do. Probing, resizing and the operations live in set.cpp and set_methods.cpp.
struct SetEntry {
    Object* key;   // owned; null: never used; set.cpp's dummy: a deleted entry
    int64_t hash;  // 0 while never used, -1 once deleted
};
constexpr size_t kSetMinSize = 8;
struct SetObject : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;
    SetEntry* table;                // `small` until the set outgrows it
    size_t mask = kSetMinSize - 1;  // table size - 1; sizes are powers of two
    size_t fill = 0;                // live entries plus deleted ones: both lengthen probes
    size_t used = 0;                // live entries
    size_t finger = 0;              // where pop() starts looking
    uint64_t generation = 0;        // bumped when `table` is replaced; a probe that ran Python code restarts
    std::atomic<int64_t> hash{-1};  // frozenset's cached hash, -1 until computed
    SetEntry small[kSetMinSize] = {};
};
Ref set_new(Type* t);
void set_add(Object* set, Object* item);
bool set_contains(Object* set, Object* item);
// set.update(iterable) as CPython's set_update_internal: a set or dict is merged table-wise.
void set_update(Object* set, Object* iterable);
inline SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

// range
struct Range : Object {
    int64_t start, stop, step, length;
    // Ranges whose bounds or length do not fit 64 bits keep them as ints here (an owned tuple
    // (start, stop, step, length)) and take the slower generic paths; null for all others.
    Object* big = nullptr;
};
Ref range_new(int64_t start, int64_t stop, int64_t step);

// slice
struct Slice : Object {
    Object* start;
    Object* stop;
    Object* step;  // each owned, None when omitted
};
Ref slice_new(Object* start, Object* stop, Object* step);
// A slice bound (or the start/end of bytes.find and its kin) as int64: an int or an object with
// __index__, huge values saturating as CPython's _PyEval_SliceIndex clamps them.
int64_t slice_bound(Object* o);
// Resolves a slice against a sequence length as CPython's PySlice_AdjustIndices; returns the count.
int64_t slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step);
// slice.indices(length) for ints of any size, as CPython's _PySlice_GetLongIndices: a tuple
// (start, stop, step) of ints, start and stop clamped to the sequence. Bounds' __index__ is called.
Ref slice_indices_ints(Slice* s, Object* length);
// The slice itself when its bounds are ints or None, else a copy with each bound's __index__ called
// now. A mutable sequence resolves a slice so before it takes its lock and reads its length: an
// __index__ run inside slice_indices could resize it in between (tests/py/robust/009).
Ref slice_with_int_bounds(Slice* s);

}  // namespace minipy
