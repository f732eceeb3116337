// set.cpp — the set table of CPython 3.11's Objects/setobject.c, so that sets iterate, print and pop
// in CPython's order: entries kept at their hash's slot, runs of linear probes then perturbed ones,
// deleted entries left as dummies, the same resize rule. Also the set and frozenset types' slots.
#include "objects/set.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type set_type, frozenset_type, set_iterator_type;

namespace {

// A deleted entry's key: probes continue past it, and an insert may reuse it.
Object dummy_key{};
Object* const kDummy = &dummy_key;

// Each probe looks at a run of this many further neighbours before jumping elsewhere (CPython's
// LINEAR_PROBES), unless the run would pass the table's end; jumps mix in the hash's higher bits.
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool is_live(const SetEntry& e) { return set_entry_live(e); }

// Where a probe for a key ended.
struct Probe {
    SetEntry* found;     // the key's entry, or null
    SetEntry* empty;     // when not found: the never-used entry that ended the probe
    SetEntry* freeslot;  // when not found: the last deleted entry passed, which an insert reuses
};

// The probe of set_add_entry and set_lookkey, with s's lock held. A comparison that can run Python
// code runs with the lock let go; if meanwhile the table was replaced or the entry compared
// changed, the probe starts again, as CPython's does.
Probe probe(SetObject* s, Object* key, int64_t h) {
restart:
    size_t mask = s->mask;
    size_t i = static_cast<size_t>(h) & mask;
    auto perturb = static_cast<uint64_t>(h);
    SetEntry* freeslot = nullptr;
    while (true) {
        SetEntry* e = &s->table[i];
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t n = 0; n <= probes; ++n, ++e) {
            if (e->key == nullptr) return {nullptr, e, freeslot};
            if (e->hash == h) {
                Object* start = e->key;
                if (start == key) return {e, nullptr, nullptr};
                bool known;
                bool eq = builtin_equal(start, key, &known);
                if (!known) {
                    Ref keep = Ref::borrow(start);
                    uint64_t generation = s->generation;
                    {
                        Unlocked unlocked(s->mutex);
                        eq = equals(start, key);
                    }
                    if (s->generation != generation || e->key != start) goto restart;
                }
                if (eq) return {e, nullptr, nullptr};
            } else if (e->key == kDummy) {
                freeslot = e;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Places a key known to be absent into a table without deleted entries (resizes and copies).
void insert_clean(SetEntry* table, size_t mask, Object* key, int64_t h) {
    size_t i = static_cast<size_t>(h) & mask;
    auto perturb = static_cast<uint64_t>(h);
    while (true) {
        SetEntry* e = &table[i];
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t n = 0; n <= probes; ++n, ++e) {
            if (e->key == nullptr) {
                *e = SetEntry{key, h};
                return;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Rebuilds the table at the smallest power of two (at least 8) above `minused`, dropping deleted
// entries; the live ones go in again in table order. Call with the lock held.
void resize(SetObject* s, size_t minused) {
    size_t size = kSetMinSize;
    while (size <= minused) size <<= 1;
    SetEntry* old = s->table;
    size_t old_size = s->mask + 1;
    bool old_on_heap = old != s->small;
    SetEntry small_copy[kSetMinSize];
    if (size == kSetMinSize && !old_on_heap) {
        if (s->fill == s->used) return;  // no deleted entries to drop
        std::memcpy(small_copy, old, sizeof small_copy);
        old = small_copy;
    }
    SetEntry* fresh = size == kSetMinSize ? s->small : new SetEntry[size];
    std::fill(fresh, fresh + size, SetEntry{nullptr, 0});
    s->table = fresh;
    s->mask = size - 1;
    s->fill = s->used;
    ++s->generation;
    for (size_t i = 0; i < old_size; ++i)
        if (is_live(old[i])) insert_clean(fresh, s->mask, old[i].key, old[i].hash);
    if (old_on_heap) delete[] old;
}

// The growth rule of CPython's set_add_entry: past 60% full (deleted entries included, so a probe
// always meets a never-used entry), to 4x the live entries (2x for large sets).
void grow_if_full(SetObject* s) {
    if (s->fill * 5 >= s->mask * 3) resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// Adds a key (borrowed) with the lock held; false when it was already present.
bool add_locked(SetObject* s, Object* key, int64_t h) {
    while (true) {
        Probe p = probe(s, key, h);
        if (p.found) return false;
        if (p.freeslot) {
            // Python code run by a comparison may have filled the deleted entry since: look again.
            if (p.freeslot->key != kDummy) continue;
            *p.freeslot = SetEntry{newref(key), h};
            ++s->used;
            return true;
        }
        *p.empty = SetEntry{newref(key), h};
        ++s->fill;
        ++s->used;
        grow_if_full(s);
        return true;
    }
}

// Marks the key's entry deleted; returns the key's reference (to release after the lock), or null.
Object* discard_locked(SetObject* s, Object* key, int64_t h) {
    Probe p = probe(s, key, h);
    if (!p.found) return nullptr;
    Object* old = p.found->key;
    *p.found = SetEntry{kDummy, -1};
    --s->used;
    return old;
}

// Empties the set into its small table; returns the old entries' keys to release after the lock
// (releasing one may run Python code that uses the set).
std::vector<Object*> clear_locked(SetObject* s) {
    std::vector<Object*> keys;
    keys.reserve(s->used);
    for (size_t i = 0; i <= s->mask; ++i)
        if (is_live(s->table[i])) keys.push_back(s->table[i].key);
    if (s->table != s->small) delete[] s->table;
    std::fill(s->small, s->small + kSetMinSize, SetEntry{nullptr, 0});
    s->table = s->small;
    s->mask = kSetMinSize - 1;
    s->fill = s->used = 0;
    s->hash.store(-1, std::memory_order_relaxed);
    ++s->generation;
    return keys;
}

void release_all(const std::vector<Object*>& keys) {
    for (Object* k : keys) decref(k);
}

// A copy of a table taken under its lock, owning a reference to each live key: what set_merge
// reads, so that it never holds two sets' locks at once. Keys not moved out are released.
struct TableCopy {
    std::vector<SetEntry> entries;
    size_t fill = 0, used = 0;

    TableCopy() = default;
    TableCopy(TableCopy&&) = default;
    TableCopy(const TableCopy&) = delete;
    TableCopy& operator=(const TableCopy&) = delete;
    ~TableCopy() {
        for (const SetEntry& e : entries)
            if (is_live(e)) decref(e.key);
    }
};

TableCopy copy_table(SetObject* s) {
    TableCopy c;
    CriticalSection cs(s->mutex);
    c.entries.assign(s->table, s->table + s->mask + 1);
    c.fill = s->fill;
    c.used = s->used;
    for (SetEntry& e : c.entries)
        if (is_live(e)) incref(e.key);
    return c;
}

}  // namespace

bool is_set_subclass_instance(Object* o) {
    return is_instance(o, &set_type) || is_instance(o, &frozenset_type);
}
bool is_exact_any_set(Object* o) { return type_of(o) == &set_type || type_of(o) == &frozenset_type; }

bool set_add_hashed(Object* set, Object* key, int64_t hash) {
    CriticalSection cs(as_set(set)->mutex);
    return add_locked(as_set(set), key, hash);
}

bool set_contains_hashed(Object* set, Object* key, int64_t hash) {
    CriticalSection cs(as_set(set)->mutex);
    return probe(as_set(set), key, hash).found != nullptr;
}

bool set_discard_hashed(Object* set, Object* key, int64_t hash) {
    Object* old;
    {
        CriticalSection cs(as_set(set)->mutex);
        old = discard_locked(as_set(set), key, hash);
    }
    if (!old) return false;
    decref(old);
    return true;
}

namespace {

// Runs `lookup(key)`; when the key is an unhashable set, CPython tries again with frozenset(key).
template <typename Lookup>
bool with_frozen_retry(Object* key, Lookup&& lookup) {
    try {
        return lookup(key, key_hash(key));
    } catch (PyException& e) {
        if (!is_instance(key, &set_type) || !is_instance(e.exception(), &TypeError_type)) throw;
    }
    Ref frozen = set_new(&frozenset_type);
    set_merge(frozen.get(), key);
    return lookup(frozen.get(), key_hash(frozen.get()));
}

}  // namespace

bool set_contains_key(Object* set, Object* key) {
    return with_frozen_retry(key, [&](Object* k, int64_t h) { return set_contains_hashed(set, k, h); });
}

bool set_discard_key(Object* set, Object* key) {
    return with_frozen_retry(key, [&](Object* k, int64_t h) { return set_discard_hashed(set, k, h); });
}

Ref set_new(Type* t) {
    auto* s = new SetObject();
    init_header(s, t);
    s->table = s->small;
    return Ref::steal(s);
}

Ref set_new_basetype(Type* t) {
    if (t != &set_type && t != &frozenset_type) t = is_subtype(t, &set_type) ? &set_type : &frozenset_type;
    return set_new(t);
}

Ref set_copy_of(Object* set) {
    Ref r = set_new_basetype(type_of(set));
    set_merge(r.get(), set);
    return r;
}

void set_add(Object* set, Object* item) { set_add_hashed(set, item, key_hash(item)); }

bool set_contains(Object* set, Object* item) { return set_contains_hashed(set, item, key_hash(item)); }

// CPython's set_merge: one resize up front for all of other's keys; into an empty table, other's
// layout is copied as is when the sizes match and it has no deleted entries, else its keys are
// placed without comparisons; otherwise each key is added in other's table order.
void set_merge(Object* set, Object* other) {
    SetObject* s = as_set(set);
    if (set == other) return;
    TableCopy src = copy_table(as_set(other));
    if (src.used == 0) return;
    size_t src_mask = src.entries.size() - 1;
    {
        CriticalSection cs(s->mutex);
        if ((s->fill + src.used) * 5 >= s->mask * 3) resize(s, (s->used + src.used) * 2);
        if (s->fill == 0) {
            // The references taken by copy_table move into the table.
            if (s->mask == src_mask && src.fill == src.used) {
                std::copy(src.entries.begin(), src.entries.end(), s->table);
            } else {
                for (const SetEntry& e : src.entries)
                    if (is_live(e)) insert_clean(s->table, s->mask, e.key, e.hash);
            }
            s->fill = s->used = src.used;
            src.entries.clear();
            return;
        }
    }
    for (SetEntry& e : src.entries) {
        if (!is_live(e)) continue;
        Ref key = Ref::steal(std::exchange(e.key, nullptr));
        set_add_hashed(set, key.get(), e.hash);
    }
}

namespace {

// An exact int, str or float, or a tuple of them: hashing and comparing it with another such key
// runs no Python code and cannot raise.
bool has_plain_hash(Object* o) {
    auto plain = [](Object* x) {
        Type* t = type_of(x);
        return t == &int_type || t == &str_type || t == &float_type;
    };
    if (plain(o)) return true;
    if (type_of(o) != &tuple_type) return false;
    Tuple* t = as_tuple(o);
    for (size_t i = 0; i < t->size; ++i)
        if (!plain(t->items[i])) return false;
    return true;
}

}  // namespace

void set_update(Object* set, Object* iterable) {
    if (is_any_set(iterable)) return set_merge(set, iterable);
    if (type_of(iterable) == &dict_type) {
        Dict* d = as_dict(iterable);
        {
            SetObject* s = as_set(set);
            size_t n = static_cast<size_t>(dict_size(d));
            CriticalSection cs(s->mutex);
            if ((s->fill + n) * 5 >= s->mask * 3) resize(s, (s->used + n) * 2);
        }
        for_each_dict_key(d, [&](Object* key, int64_t hash) { set_add_hashed(set, key, hash); });
        return;
    }
    if (type_of(iterable) == &generator_type && as_set(set)->used == 0) {
        // set(x for x in ...): values go into the set from the generator's YIELD_VALUE while every
        // key is one whose hash and equality run no Python code (objects/generator.h, YieldSink);
        // from the first other value on, each is yielded and added here, as any iterator's.
        struct PlainSink : YieldSink {
            bool plain = true;
        };
        PlainSink sink;
        sink.target = set;
        sink.take = [](YieldSink* s, Object* value) {
            auto* ps = static_cast<PlainSink*>(s);
            if (!ps->plain || !has_plain_hash(value)) return ps->plain = false;
            Ref owned = Ref::steal(value);
            set_add(ps->target, value);
            return true;
        };
        sink.add = [](YieldSink* s, Object* value) { set_add(s->target, value); };
        generator_drain(iterable, &sink);
        return;
    }
    for_each_item(iterable, [&](Object* item) { set_add(set, item); });
}

void set_clear_all(Object* set) {
    std::vector<Object*> keys;
    {
        CriticalSection cs(as_set(set)->mutex);
        keys = clear_locked(as_set(set));
    }
    release_all(keys);
}

Ref set_pop_any(Object* set) {
    SetObject* s = as_set(set);
    CriticalSection cs(s->mutex);
    if (s->used == 0) raise(&KeyError_type, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (!is_live(s->table[i])) i = (i + 1) & s->mask;
    Object* key = s->table[i].key;
    s->table[i] = SetEntry{kDummy, -1};
    --s->used;
    s->finger = i + 1;
    return Ref::steal(key);
}

void set_swap_bodies(Object* set, Object* fresh) {
    SetObject* a = as_set(set);
    SetObject* b = as_set(fresh);
    CriticalSection cs(a->mutex);
    bool a_small = a->table == a->small, b_small = b->table == b->small;
    SetEntry* a_table = a->table;
    a->table = b_small ? a->small : b->table;
    b->table = a_small ? b->small : a_table;
    if (a_small || b_small) {
        SetEntry tmp[kSetMinSize];
        std::memcpy(tmp, a->small, sizeof tmp);
        std::memcpy(a->small, b->small, sizeof tmp);
        std::memcpy(b->small, tmp, sizeof tmp);
    }
    std::swap(a->fill, b->fill);
    std::swap(a->used, b->used);
    std::swap(a->mask, b->mask);
    ++a->generation;
    ++b->generation;
    bool both_frozen = is_instance(set, &frozenset_type) && is_instance(fresh, &frozenset_type);
    int64_t h = both_frozen ? a->hash.load(std::memory_order_relaxed) : -1;
    a->hash.store(both_frozen ? b->hash.load(std::memory_order_relaxed) : -1, std::memory_order_relaxed);
    b->hash.store(h, std::memory_order_relaxed);
}

void set_drop_dummies(Object* set) {
    SetObject* s = as_set(set);
    CriticalSection cs(s->mutex);
    if (s->fill - s->used <= s->mask / 4) return;
    resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// ---- the types' slots ----
namespace {

void set_dealloc(Object* o) {
    weakrefs_clear(o);
    SetObject* s = as_set(o);
    for (size_t i = 0; i <= s->mask; ++i)
        if (is_live(s->table[i])) decref(s->table[i].key);
    if (s->table != s->small) delete[] s->table;
    delete s;
}

void set_traverse(Object* o, VisitProc visit, void* arg) {
    SetObject* s = as_set(o);
    for (size_t i = 0; i <= s->mask; ++i)
        if (is_live(s->table[i])) visit(s->table[i].key, arg);
}

void set_clear_slot(Object* o) { set_clear_all(o); }

int64_t set_len(Object* o) { return set_size(o); }
bool set_contains_slot(Object* o, Object* item) { return set_contains_key(o, item); }

Ref set_repr(Object* o) {
    const std::string& name = type_of(o)->name;
    ReprGuard guard(o);
    if (!guard.entered()) return str_new(name + "(...)");
    if (set_size(o) == 0) return str_new(name + "()");
    std::string out = "{";
    Ref key;
    for (size_t pos = 0; set_next_entry(o, &pos, &key, nullptr);) {
        if (out.size() > 1) out += ", ";
        out += repr_utf8(key.get());
    }
    out += "}";
    return str_new(type_of(o) == &set_type ? out : name + "(" + out + ")");
}

// CPython 3.11's frozenset_hash: each entry's hash, its bits shuffled, xor-ed in (so the order does
// not matter), then the size mixed in; cached, as frozensets do not change.
uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int64_t frozenset_hash(Object* o) {
    SetObject* s = as_set(o);
    int64_t cached = s->hash.load(std::memory_order_relaxed);
    if (cached != -1) return cached;
    uint64_t h = 0;
    size_t used;
    {
        CriticalSection cs(s->mutex);
        for (size_t i = 0; i <= s->mask; ++i)
            if (is_live(s->table[i])) h ^= shuffle_bits(static_cast<uint64_t>(s->table[i].hash));
        used = s->used;
    }
    h ^= (static_cast<uint64_t>(used) + 1) * 1927868237ull;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923ull;
    auto r = static_cast<int64_t>(h);
    if (r == -1) r = 590923713;
    s->hash.store(r, std::memory_order_relaxed);
    return r;
}

// The set iterator: table order; a change of size while it runs is an error, for good.
struct SetIter : Object {
    MINIPY_GC_ALLOCATED
    Object* set;  // owned; null once exhausted
    int64_t expected_size;
    size_t pos;
};

void set_iter_dealloc(Object* o) {
    auto* it = static_cast<SetIter*>(o);
    xdecref(it->set);
    delete it;
}

// Tracked, as CPython's; a cleared iterator acts exhausted.
void set_iter_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* set = static_cast<SetIter*>(o)->set) visit(set, arg);
}
void set_iter_clear(Object* o) { xdecref(std::exchange(static_cast<SetIter*>(o)->set, nullptr)); }

Ref set_iter_next(Object* o) {
    auto* it = static_cast<SetIter*>(o);
    if (!it->set) return nullptr;
    if (set_size(it->set) != it->expected_size) {
        it->expected_size = -1;
        raise(&RuntimeError_type, "Set changed size during iteration");
    }
    Ref key;
    if (set_next_entry(it->set, &it->pos, &key, nullptr)) return key;
    decref(std::exchange(it->set, nullptr));
    return nullptr;
}

// The items not yet produced: 0 once the set changed size, as CPython's (the next step raises).
Ref set_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional("set_iterator", "__length_hint__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<SetIter*>(args[0]);
    if (!it->set || set_size(it->set) != it->expected_size) return int_from_i64(0);
    int64_t left = 0;
    size_t pos = it->pos;
    for (Ref key; set_next_entry(it->set, &pos, &key, nullptr);) ++left;
    return int_from_i64(left);
}

// (iter, ([the items not yet produced],)), as CPython's.
Ref set_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional("set_iterator", "__reduce__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<SetIter*>(args[0]);
    Ref items = list_new();
    size_t pos = it->pos;
    if (it->set)
        for (Ref key; set_next_entry(it->set, &pos, &key, nullptr);) list_append(items.get(), key.get());
    Object* seq[] = {items.get()};
    return reduce_value(builtin_iter(), tuple_from(seq, 1));
}

const MethodDef kSetIterMethods[] = {
    {"__length_hint__", set_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", set_iter_reduce, "Return state information for pickling."},
    {}};

}  // namespace

Ref set_iter_new(Object* set) {
    auto* it = new SetIter();
    init_header(it, &set_iterator_type);
    it->set = newref(set);
    it->expected_size = set_size(set);
    it->pos = 0;
    return Ref::steal(it);
}

extern const MethodDef set_methods[], frozenset_methods[];  // set_methods.cpp
void init_set_operators(Type& t, bool mutable_set);         // set_methods.cpp

namespace {

// set(...) and frozenset(...). A subclass with an __init__ of its own takes keywords (for that
// __init__); CPython names the class in an argument count error.
Ref construct(Type* t, Type* base, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size && refuses_keywords(t, base)) raise_no_kwargs(base->name.c_str());
    if (nargs > 1) raise_arg_count(t->name.c_str(), 0, 1, nargs);
    Ref s = set_new(t);
    if (nargs == 1) set_update(s.get(), args[0]);
    return s;
}

Ref set_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    return construct(static_cast<Type*>(type), &set_type, args, nargs, kw);
}

Ref frozenset_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs == 1 && type == &frozenset_type && type_of(args[0]) == &frozenset_type)
        return Ref::borrow(args[0]);
    return construct(static_cast<Type*>(type), &frozenset_type, args, nargs, kw);
}

Ref set_iter_slot(Object* o) { return set_iter_new(o); }

void init_common(Type& t, const char* name) {
    t.name = name;
    t.instance_size = sizeof(SetObject);
    t.dealloc = set_dealloc;
    t.traverse = set_traverse;
    t.clear = set_clear_slot;
    t.repr = set_repr;
    t.len = set_len;
    t.contains = set_contains_slot;
    t.iter = set_iter_slot;
    t.is_basetype = true;
    t.constructs_subclasses = true;
}

}  // namespace

void init_set_types() {
    Type& s = set_type;
    init_common(s, "set");
    s.hash = hash_not_implemented;
    s.construct = set_construct;
    s.methods = set_methods;
    init_set_operators(s, true);
    init_type(&s);

    Type& f = frozenset_type;
    init_common(f, "frozenset");
    f.hash = frozenset_hash;
    f.construct = frozenset_construct;
    f.methods = frozenset_methods;
    init_set_operators(f, false);
    init_type(&f);

    set_iterator_type.methods = kSetIterMethods;
    init_iterator_type(set_iterator_type, "set_iterator", sizeof(SetIter), set_iter_dealloc, set_iter_next);
    set_iterator_type.traverse = set_iter_traverse;
    set_iterator_type.clear = set_iter_clear;
}

}  // namespace minipy
