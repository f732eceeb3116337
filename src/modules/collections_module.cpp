// collections_module.cpp — the native `_collections` that CPython's collections/__init__.py takes
// deque, defaultdict and _count_elements from, with CPython 3.11's behaviour and error texts.
// A deque is a ring buffer, so both ends push and pop in O(1). Every deque operation runs under
// the deque's lock, so in minipy-ft threads appending and popping never lose an item. (collections
// finds namedtuple's _tuplegetter here too, as a property, and OrderedDict, from ordered_dict.cpp.)
#include <algorithm>
#include <utility>
#include <vector>

#include "modules/ordered_dict.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type deque_type, deque_iterator_type, deque_reverse_iterator_type, defaultdict_type;

// ---- the deque's storage ----

struct Deque : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;          // guards everything below
    std::vector<Object*> ring;  // each live slot owned; its size is 0 or a power of two
    size_t head = 0;            // the slot of item 0
    size_t size = 0;
    int64_t maxlen = -1;  // -1: unbounded
    // Bumped by every change of the items' order or number: iterators and the operations that
    // compare items (running Python code between steps) check it, as CPython's `state`.
    uint64_t state = 0;

    Object*& at(size_t i) { return ring[(head + i) & (ring.size() - 1)]; }
    bool full() const { return maxlen >= 0 && size >= static_cast<size_t>(maxlen); }
};

Deque* as_deque(Object* o) { return static_cast<Deque*>(o); }
bool is_deque(Object* o) { return is_instance(o, &deque_type); }

// Doubles the ring (from 8 slots), items moved to slots 0..size-1.
void grow(Deque* d) {
    std::vector<Object*> bigger(std::max<size_t>(8, d->ring.size() * 2));
    for (size_t i = 0; i < d->size; ++i) bigger[i] = d->at(i);
    d->ring.swap(bigger);
    d->head = 0;
}

// The push and pop primitives: the lock is held; references move in and out with the item.
void push_back(Deque* d, Object* owned) {
    if (d->size == d->ring.size()) grow(d);
    d->at(d->size++) = owned;
    ++d->state;
}
void push_front(Deque* d, Object* owned) {
    if (d->size == d->ring.size()) grow(d);
    d->head = (d->head + d->ring.size() - 1) & (d->ring.size() - 1);
    d->at(0) = owned;
    ++d->size;
    ++d->state;
}
Object* pop_back(Deque* d) {
    Object* o = d->at(--d->size);
    ++d->state;
    return o;
}
Object* pop_front(Deque* d) {
    Object* o = d->at(0);
    d->head = (d->head + 1) & (d->ring.size() - 1);
    --d->size;
    ++d->state;
    return o;
}

// Takes every item out (the lock is held); the caller releases them once the lock is let go,
// since freeing an item may run a __del__ that uses the deque.
std::vector<Object*> take_all(Deque* d) {
    std::vector<Object*> items;
    items.reserve(d->size);
    while (d->size) items.push_back(pop_front(d));
    return items;
}
void release_all(const std::vector<Object*>& items) {
    for (Object* o : items) decref(o);
}

// The item at i (lock held), a new reference.
Ref item_at(Deque* d, size_t i) { return Ref::borrow(d->at(i)); }

std::vector<Object*> snapshot(Deque* d) {
    CriticalSection cs(d->mutex);
    std::vector<Object*> items;
    items.reserve(d->size);
    for (size_t i = 0; i < d->size; ++i) items.push_back(newref(d->at(i)));
    return items;
}

size_t deque_size(Deque* d) {
    CriticalSection cs(d->mutex);
    return d->size;
}

void append(Deque* d, Object* item) {
    Ref evicted;
    CriticalSection cs(d->mutex);
    if (d->maxlen == 0) return;
    push_back(d, newref(item));
    if (d->maxlen > 0 && d->size > static_cast<size_t>(d->maxlen)) evicted = Ref::steal(pop_front(d));
}

void append_left(Deque* d, Object* item) {
    Ref evicted;
    CriticalSection cs(d->mutex);
    if (d->maxlen == 0) return;
    push_front(d, newref(item));
    if (d->maxlen > 0 && d->size > static_cast<size_t>(d->maxlen)) evicted = Ref::steal(pop_back(d));
}

// Items of `iterable` to append: a copy when it is the deque itself, which would never run out.
void extend(Deque* d, Object* iterable, bool left) {
    if (iterable == d) {
        std::vector<Object*> items = snapshot(d);
        for (Object* o : items) left ? append_left(d, o) : append(d, o);
        release_all(items);
        return;
    }
    for_each_item(iterable, [&](Object* o) { left ? append_left(d, o) : append(d, o); });
}

// Rotates right by n (left when negative), the lock held.
void rotate_locked(Deque* d, int64_t n) {
    if (d->size <= 1) return;
    int64_t len = static_cast<int64_t>(d->size);
    n %= len;
    if (n < 0) n += len;
    if (n == 0) return;
    ++d->state;
    if (d->size == d->ring.size()) {  // a full ring rotates by moving its head alone
        d->head = (d->head + d->ring.size() - static_cast<size_t>(n)) & (d->ring.size() - 1);
        return;
    }
    if (n <= len / 2) {
        for (int64_t k = 0; k < n; ++k) push_front(d, pop_back(d));
    } else {
        for (int64_t k = 0; k < len - n; ++k) push_back(d, pop_front(d));
    }
}

// Removes the item at i (lock held) and hands back its reference, moving the shorter side.
Object* erase_at(Deque* d, size_t i) {
    Object* removed = d->at(i);
    if (i < d->size / 2) {
        for (size_t k = i; k > 0; --k) d->at(k) = d->at(k - 1);
        d->head = (d->head + 1) & (d->ring.size() - 1);
    } else {
        for (size_t k = i; k + 1 < d->size; ++k) d->at(k) = d->at(k + 1);
    }
    --d->size;
    ++d->state;
    return removed;
}

[[noreturn]] void raise_mutated(const char* what = "deque mutated during iteration") {
    raise(&RuntimeError_type, what);
}

// Index of the first item in [start, stop) equal to `value`, or -1. The comparison may run
// Python code, so it runs without the lock; a deque changed meanwhile raises `mutated`.
int64_t find(Deque* d, Object* value, size_t start, size_t stop, const char* mutated) {
    for (size_t i = start;; ++i) {
        Ref item;
        uint64_t state;
        {
            CriticalSection cs(d->mutex);
            if (i >= std::min(stop, d->size)) return -1;
            item = item_at(d, i);
            state = d->state;
        }
        bool same = item.get() == value || equals(item.get(), value);
        CriticalSection cs(d->mutex);
        if (d->state != state) raise_mutated(mutated);
        if (same) return static_cast<int64_t>(i);
    }
}

Ref deque_alloc(Type* t) {
    auto* d = new Deque();
    init_header(d, t);
    return Ref::steal(d);
}

// ---- construction ----

int64_t maxlen_value(Object* v) {
    if (v == None) return -1;
    if (!is_int(v)) raise(&TypeError_type, "an integer is required");
    int64_t n;
    if (!int_to_i64(v, &n)) raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    if (n < 0) raise(&ValueError_type, "maxlen must be non-negative");
    return n;
}

// deque.__init__(self, iterable=(), maxlen=None): empties the deque, then fills it.
void deque_fill(Deque* d, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 2) raise(&TypeError_type, format("deque() takes at most 2 arguments (%zu given)", nargs));
    static const char* const kNames[] = {"iterable", "maxlen"};
    Object* bound[2] = {nullptr, nullptr};
    bind_args("deque", args, nargs, kw, kNames, 2, 0, bound);
    int64_t maxlen = bound[1] ? maxlen_value(bound[1]) : -1;
    std::vector<Object*> old;
    {
        CriticalSection cs(d->mutex);
        d->maxlen = maxlen;
        old = take_all(d);
    }
    release_all(old);
    if (bound[0]) extend(d, bound[0], false);
}

Ref deque_init(Object*, Args args, size_t nargs, Tuple* kw) {
    deque_fill(as_deque(args[0]), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref deque_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    Ref self = deque_alloc(t);
    // CPython's deque_new leaves the deque empty and deque_init fills it: filled here unless a
    // Python __init__ will.
    if (t == &deque_type || inherits_native_init(t, deque_init))
        deque_fill(as_deque(self.get()), args, nargs, kw);
    return self;
}

// deque.__new__(cls, *args, **kwargs), for subclasses that define __new__ of their own.
Ref deque_new_method(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1 || !is_type(args[0]) || !is_subtype(static_cast<Type*>(args[0]), &deque_type))
        raise(&TypeError_type, "deque.__new__(X): X is not a subtype of collections.deque");
    return deque_alloc(static_cast<Type*>(args[0]));
}

// A new deque of the same class, maxlen and items: type(self)(self[, maxlen]) for a subclass.
Ref deque_copy_of(Deque* d) {
    if (type_of(d) == &deque_type) {
        Ref copy = deque_alloc(&deque_type);
        Deque* c = as_deque(copy.get());
        std::vector<Object*> items = snapshot(d);
        CriticalSection cs(d->mutex);
        c->maxlen = d->maxlen;
        for (Object* o : items) push_back(c, o);
        return copy;
    }
    int64_t maxlen;
    {
        CriticalSection cs(d->mutex);
        maxlen = d->maxlen;
    }
    if (maxlen < 0) return call1(type_of(d), d);
    Ref limit = int_from_i64(maxlen);
    Object* call_args[2] = {d, limit.get()};
    return call(type_of(d), call_args, 2);
}

// ---- slots ----

void deque_dealloc(Object* o) {
    weakrefs_clear(o);
    Deque* d = as_deque(o);
    release_all(take_all(d));
    delete d;
}

void deque_traverse(Object* o, VisitProc visit, void* arg) {
    Deque* d = as_deque(o);
    for (size_t i = 0; i < d->size; ++i) visit(d->at(i), arg);
}

void deque_clear_slot(Object* o) {
    std::vector<Object*> items;
    {
        CriticalSection cs(as_deque(o)->mutex);
        items = take_all(as_deque(o));
    }
    release_all(items);
}

int64_t deque_len(Object* o) { return static_cast<int64_t>(deque_size(as_deque(o))); }

// The class name a repr shows: "deque" for deque itself, a subclass's own name.
std::string shown_name(Object* o) {
    std::string name = type_of(o)->name;
    if (size_t dot = name.rfind('.'); dot != std::string::npos && !is_heap_type(type_of(o)))
        name = name.substr(dot + 1);
    return name;
}

Ref deque_repr(Object* o) {
    Deque* d = as_deque(o);
    std::string name = shown_name(o);
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("[...]");
    std::vector<Object*> items = snapshot(d);
    std::string out = name + "([";
    try {
        for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + repr_utf8(items[i]);
    } catch (...) {
        release_all(items);
        throw;
    }
    release_all(items);
    out += "]";
    int64_t maxlen;
    {
        CriticalSection cs(d->mutex);
        maxlen = d->maxlen;
    }
    if (maxlen >= 0) out += format(", maxlen=%lld", static_cast<long long>(maxlen));
    return str_new(out + ")");
}

Ref get_opt(Object* o, size_t i) {
    Deque* d = as_deque(o);
    CriticalSection cs(d->mutex);
    return i < d->size ? item_at(d, i) : nullptr;
}

Ref deque_compare(Object* a, Object* b, CompareOp op) {
    if (!is_deque(b)) return Ref::borrow(NotImplemented);
    return sequence_compare(a, b, op, get_opt, deque_len);
}

// An item index: ints and objects with __index__ only (a deque takes no slices).
int64_t index_of_key(Object* key) {
    if (!is_int(key) && !index_value(key))
        raise(&TypeError_type,
              format("sequence index must be integer, not '%s'", type_of(key)->name.c_str()));
    return as_subscript_index(key);
}

size_t checked_index(Deque* d, int64_t i) {
    if (i < 0) i += static_cast<int64_t>(d->size);
    if (i < 0 || i >= static_cast<int64_t>(d->size)) raise(&IndexError_type, "deque index out of range");
    return static_cast<size_t>(i);
}

Ref deque_getitem(Object* o, Object* key) {
    int64_t i = index_of_key(key);
    Deque* d = as_deque(o);
    CriticalSection cs(d->mutex);
    return item_at(d, checked_index(d, i));
}

void deque_setitem(Object* o, Object* key, Object* value) {
    int64_t i = index_of_key(key);
    Deque* d = as_deque(o);
    Ref old;
    CriticalSection cs(d->mutex);
    size_t at = checked_index(d, i);
    if (!value) {
        old = Ref::steal(erase_at(d, at));
        return;
    }
    old = Ref::steal(std::exchange(d->at(at), newref(value)));
}

bool deque_contains(Object* o, Object* item) {
    return find(as_deque(o), item, 0, SIZE_MAX, "deque mutated during iteration") >= 0;
}

// ---- operators ----

Ref deque_concat(Object* a, Object* b) {
    if (!is_deque(a)) return Ref::borrow(NotImplemented);
    if (!is_deque(b))
        raise(&TypeError_type,
              format("can only concatenate deque (not \"%s\") to deque", type_of(b)->name.c_str()));
    Ref result = deque_copy_of(as_deque(a));
    if (!is_deque(result.get())) return result;
    extend(as_deque(result.get()), b, false);
    return result;
}

// d *= n: the items n times over; with a maxlen, only the last maxlen of them stay.
void repeat_in_place(Deque* d, Object* count) {
    int64_t n = as_index(count);
    std::vector<Object*> items = snapshot(d);
    std::vector<Object*> old;
    {
        CriticalSection cs(d->mutex);
        int64_t len = static_cast<int64_t>(items.size());
        int64_t total = n > 0 ? n * len : 0;
        if (n > 0 && total / n != len) raise(&MemoryError_type, "");
        old = take_all(d);
        int64_t first = d->maxlen >= 0 ? std::max<int64_t>(0, total - d->maxlen) : 0;
        for (int64_t k = first; k < total; ++k) push_back(d, newref(items[k % len]));
    }
    release_all(old);
    release_all(items);
}

// The count of `deque * n` or `n * deque`, null when n is no index: the operator then tries the
// other side and words the error ("can't multiply sequence by non-int of type 'float'").
Object* repeat_count(Object* a, Object* b, Object** seq) {
    *seq = is_deque(a) ? a : b;
    Object* n = *seq == a ? b : a;
    return is_index_like(n) ? n : nullptr;
}

Ref deque_repeat(Object* a, Object* b) {
    Object* seq;
    Object* n = repeat_count(a, b, &seq);
    if (!n) return Ref::borrow(NotImplemented);
    Ref result = deque_copy_of(as_deque(seq));
    if (is_deque(result.get())) repeat_in_place(as_deque(result.get()), n);
    return result;
}

Ref deque_inplace_concat(Object* a, Object* b) {
    if (!is_deque(a)) return Ref::borrow(NotImplemented);
    extend(as_deque(a), b, false);
    return Ref::borrow(a);
}

Ref deque_inplace_repeat(Object* a, Object* b) {
    Object* seq;
    Object* n = repeat_count(a, b, &seq);
    if (!n) return Ref::borrow(NotImplemented);
    repeat_in_place(as_deque(seq), n);
    return Ref::borrow(seq);
}

// ---- iterators ----

struct DequeIterator : Object {
    MINIPY_GC_ALLOCATED
    Object* deque;  // owned
    size_t index;   // items already produced
    size_t left;    // items still to produce; 0 once exhausted or after a change
    uint64_t state;
};

Ref iterator_new(Type* t, Object* deque, size_t skip) {
    Deque* d = as_deque(deque);
    auto* it = new DequeIterator();
    init_header(it, t);
    it->deque = newref(deque);
    CriticalSection cs(d->mutex);
    it->state = d->state;
    it->index = std::min(skip, d->size);
    it->left = d->size - it->index;
    return Ref::steal(it);
}

Ref deque_iter(Object* o) { return iterator_new(&deque_iterator_type, o, 0); }

Ref iterator_next(Object* o) {
    auto* it = static_cast<DequeIterator*>(o);
    Deque* d = as_deque(it->deque);
    CriticalSection cs(d->mutex);
    if (d->state != it->state) {
        it->left = 0;
        raise_mutated();
    }
    if (it->left == 0) return nullptr;
    size_t i = type_of(o) == &deque_iterator_type ? it->index : d->size - 1 - it->index;
    ++it->index;
    --it->left;
    return item_at(d, i);
}

void iterator_dealloc(Object* o) {
    auto* it = static_cast<DequeIterator*>(o);
    decref(it->deque);
    delete it;
}

void iterator_traverse(Object* o, VisitProc visit, void* arg) {
    visit(static_cast<DequeIterator*>(o)->deque, arg);
}

Ref iterator_length_hint(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__length_hint__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<DequeIterator*>(args[0]);
    CriticalSection cs(as_deque(it->deque)->mutex);
    return int_from_i64(static_cast<int64_t>(it->left));
}

// (type(it), (deque, items produced)): unpickling skips as many.
Ref iterator_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<DequeIterator*>(args[0]);
    Ref index;
    {
        CriticalSection cs(as_deque(it->deque)->mutex);
        index = int_from_i64(static_cast<int64_t>(as_deque(it->deque)->size - it->left));
    }
    Object* inner[2] = {it->deque, index.get()};
    Ref state = tuple_from(inner, 2);
    Object* outer[2] = {type_of(it), state.get()};
    return tuple_from(outer, 2);
}

// _deque_iterator(deque, index=0), what unpickling an iterator calls.
Ref iterator_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    const char* name = t == &deque_iterator_type ? "_deque_iterator" : "_deque_reverse_iterator";
    check_positional(name, nargs, kw, 1, 2);
    if (!is_deque(args[0]))
        raise(&TypeError_type, format("%s() argument 1 must be collections.deque, not %s", name,
                                      type_of(args[0])->name.c_str()));
    int64_t skip = nargs > 1 ? as_index(args[1]) : 0;
    return iterator_new(t, args[0], static_cast<size_t>(std::max<int64_t>(0, skip)));
}

// ---- methods ----

Deque* self_of(Args args) { return as_deque(args[0]); }

Ref deque_append(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("append", nargs - 1, kw, 1, 1);
    append(self_of(args), args[1]);
    return Ref::borrow(None);
}

Ref deque_appendleft(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("appendleft", nargs - 1, kw, 1, 1);
    append_left(self_of(args), args[1]);
    return Ref::borrow(None);
}

Ref deque_extend(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("extend", nargs - 1, kw, 1, 1);
    extend(self_of(args), args[1], false);
    return Ref::borrow(None);
}

Ref deque_extendleft(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("extendleft", nargs - 1, kw, 1, 1);
    extend(self_of(args), args[1], true);
    return Ref::borrow(None);
}

Ref deque_pop(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pop", nargs - 1, kw, 0, 0);
    Deque* d = self_of(args);
    CriticalSection cs(d->mutex);
    if (d->size == 0) raise(&IndexError_type, "pop from an empty deque");
    return Ref::steal(pop_back(d));
}

Ref deque_popleft(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("popleft", nargs - 1, kw, 0, 0);
    Deque* d = self_of(args);
    CriticalSection cs(d->mutex);
    if (d->size == 0) raise(&IndexError_type, "pop from an empty deque");
    return Ref::steal(pop_front(d));
}

Ref deque_rotate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("rotate", nargs - 1, kw, 0, 1);
    int64_t n = nargs > 1 ? as_index(args[1]) : 1;
    Deque* d = self_of(args);
    CriticalSection cs(d->mutex);
    rotate_locked(d, n);
    return Ref::borrow(None);
}

Ref deque_clear(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clear", nargs - 1, kw, 0, 0);
    deque_clear_slot(args[0]);
    return Ref::borrow(None);
}

Ref deque_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    return deque_copy_of(self_of(args));
}

Ref deque_count(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("count");
    if (nargs != 2)
        raise(&TypeError_type, format("deque.count() takes exactly one argument (%zu given)", nargs - 1));
    Deque* d = self_of(args);
    int64_t count = 0;
    for (int64_t at = 0;
         (at = find(d, args[1], static_cast<size_t>(at), SIZE_MAX, "deque mutated during iteration")) >= 0;
         ++at)
        ++count;
    return int_from_i64(count);
}

// A start or stop of index(): clamped into [0, size] as slice bounds are.
size_t clamp_bound(Object* v, size_t size) {
    if (!is_int(v) && !index_value(v))
        raise(&TypeError_type, "slice indices must be integers or have an __index__ method");
    Ref value = is_int(v) ? Ref::borrow(v) : index_value(v);
    int64_t i;
    if (!int_to_i64(value.get(), &i))
        i = compare_bool(value.get(), make_small_int(0), CompareOp::Lt) ? INT64_MIN / 2 : INT64_MAX;
    if (i < 0) i = std::max<int64_t>(0, i + static_cast<int64_t>(size));
    return std::min<size_t>(static_cast<size_t>(i), size);
}

Ref deque_index(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("index", nargs - 1, kw, 1, 3);
    Deque* d = self_of(args);
    size_t size = deque_size(d);
    size_t start = nargs > 2 ? clamp_bound(args[2], size) : 0;
    size_t stop = nargs > 3 ? clamp_bound(args[3], size) : size;
    int64_t at = find(d, args[1], start, stop, "deque mutated during iteration");
    if (at < 0) raise(&ValueError_type, repr_utf8(args[1]) + " is not in deque");
    return int_from_i64(at);
}

Ref deque_insert(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("insert", nargs - 1, kw, 2, 2);
    int64_t i = as_index(args[1]);
    Deque* d = self_of(args);
    CriticalSection cs(d->mutex);
    if (d->full()) raise(&IndexError_type, "deque already at its maximum size");
    int64_t n = static_cast<int64_t>(d->size);
    if (i < 0) i = std::max<int64_t>(0, i + n);
    size_t at = static_cast<size_t>(std::min(i, n));
    push_back(d, newref(args[2]));
    for (size_t k = d->size - 1; k > at; --k) std::swap(d->at(k), d->at(k - 1));
    return Ref::borrow(None);
}

Ref deque_remove(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("remove", nargs - 1, kw, 1, 1);
    Deque* d = self_of(args);
    for (size_t i = 0;; ++i) {
        Ref item;
        uint64_t state;
        {
            CriticalSection cs(d->mutex);
            if (i >= d->size) break;
            item = item_at(d, i);
            state = d->state;
        }
        bool same = item.get() == args[1] || equals(item.get(), args[1]);
        Ref removed;
        CriticalSection cs(d->mutex);
        if (d->state != state) raise(&IndexError_type, "deque mutated during remove().");
        if (!same) continue;
        removed = Ref::steal(erase_at(d, i));
        return Ref::borrow(None);
    }
    raise(&ValueError_type, repr_utf8(args[1]) + " is not in deque");
}

Ref deque_reverse(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reverse", nargs - 1, kw, 0, 0);
    Deque* d = self_of(args);
    CriticalSection cs(d->mutex);
    for (size_t i = 0, j = d->size; i + 1 < j; ++i, --j) std::swap(d->at(i), d->at(j - 1));
    ++d->state;
    return Ref::borrow(None);
}

Ref deque_reversed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reversed__", nargs - 1, kw, 0, 0);
    return iterator_new(&deque_reverse_iterator_type, args[0], 0);
}

// (type(d), () or ((), maxlen), the instance __dict__ or None, iter(d)), as CPython's.
Ref deque_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Deque* d = self_of(args);
    int64_t maxlen;
    {
        CriticalSection cs(d->mutex);
        maxlen = d->maxlen;
    }
    Ref ctor_args;
    if (maxlen < 0) {
        ctor_args = tuple_new(0);
    } else {
        Ref empty = tuple_new(0), limit = int_from_i64(maxlen);
        Object* items[2] = {empty.get(), limit.get()};
        ctor_args = tuple_from(items, 2);
    }
    // A subclass's attributes and slots; its own __iter__ gives the items.
    Ref state = is_heap_type(type_of(d)) ? call0(get_attr(d, intern("__getstate__")).get()) : nullptr;
    Ref it = get_iter(d);
    Object* parts[4] = {type_of(d), ctor_args.get(), state ? state.get() : None, it.get()};
    return tuple_from(parts, 4);
}

Ref deque_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__sizeof__", nargs - 1, kw, 0, 0);
    CriticalSection cs(self_of(args)->mutex);
    return int_from_i64(
        static_cast<int64_t>(sizeof(Deque) + self_of(args)->ring.capacity() * sizeof(Object*)));
}

Ref deque_getattr(Object* o, Str* name) {
    if (name->utf8 == "maxlen") {
        CriticalSection cs(as_deque(o)->mutex);
        return as_deque(o)->maxlen < 0 ? Ref::borrow(None) : int_from_i64(as_deque(o)->maxlen);
    }
    return generic_getattr(o, name);
}

const MethodDef kDequeMethods[] = {
    {"__new__", deque_new_method, "Create and return a new object.", MethodKind::Static},
    {"__init__", deque_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"append", deque_append, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, "Add an element to the left side of the deque."},
    {"clear", deque_clear, "Remove all elements from the deque."},
    {"copy", deque_copy, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy, "Return a shallow copy of a deque."},
    {"count", deque_count, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index,
     "D.index(value, [start, [stop]]) -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", deque_insert, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, "Remove and return the leftmost element."},
    {"remove", deque_remove, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate,
     "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__reversed__", deque_reversed, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", deque_reduce, "Return state information for pickling."},
    {"__sizeof__", deque_sizeof, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", class_getitem, "See PEP 585", MethodKind::Class},
    {nullptr, nullptr, nullptr},
};

const MethodDef kIteratorMethods[] = {
    {"__length_hint__", iterator_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iterator_reduce, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

// ---- defaultdict ----

struct DefaultDict : Dict {
    Object* factory = nullptr;  // owned; null stands for None
};

DefaultDict* as_defaultdict(Object* o) { return static_cast<DefaultDict*>(o); }

// d.__missing__(key): a value from default_factory, stored under key; KeyError without one.
Ref defaultdict_missing_value(Object* o, Object* key) {
    Object* factory = as_defaultdict(o)->factory;
    if (!factory) raise_key_error(key);
    Ref hold = Ref::borrow(factory);
    Ref value = call0(hold.get());
    set_item(o, key, value.get());
    return value;
}

Ref defaultdict_getitem(Object* o, Object* key) {
    if (Object* v = dict_get(as_dict(o), key)) return Ref::borrow(v);
    if (type_of(o) == &defaultdict_type) return defaultdict_missing_value(o, key);
    Ref missing = get_attr(o, intern("__missing__"));
    return call1(missing.get(), key);
}

Ref defaultdict_missing(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__missing__", nargs - 1, kw, 1, 1);
    return defaultdict_missing_value(args[0], args[1]);
}

void defaultdict_dealloc(Object* o) {
    xdecref(std::exchange(as_defaultdict(o)->factory, nullptr));
    dict_type.dealloc(o);
}

void defaultdict_traverse(Object* o, VisitProc visit, void* arg) {
    if (as_defaultdict(o)->factory) visit(as_defaultdict(o)->factory, arg);
    dict_type.traverse(o, visit, arg);
}

void defaultdict_clear_slot(Object* o) {
    xdecref(std::exchange(as_defaultdict(o)->factory, nullptr));
    dict_type.clear(o);
}

// defaultdict.__init__(self, default_factory=None, /, *args, **kwargs): the rest as for dict.
void defaultdict_fill(Object* o, Args args, size_t nargs, Tuple* kw) {
    Object* factory = nargs > 0 ? args[0] : None;
    if (factory != None && !type_of(factory)->call && !is_type(factory) &&
        !get_attr_opt(factory, intern("__call__")))
        raise(&TypeError_type, "first argument must be callable or None");
    xdecref(std::exchange(as_defaultdict(o)->factory, factory == None ? nullptr : newref(factory)));
    if (nargs > 2) raise(&TypeError_type, format("dict expected at most 1 argument, got %zu", nargs - 1));
    if (nargs == 2) dict_update(as_dict(o), args[1]);
    size_t nkw = kw ? kw->size : 0;
    for (size_t k = 0; k < nkw; ++k) set_item(o, kw->items[k], args[nargs + k]);
}

Ref defaultdict_init(Object*, Args args, size_t nargs, Tuple* kw) {
    defaultdict_fill(args[0], args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref defaultdict_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    auto* d = new DefaultDict();
    init_header(d, t);
    Ref self = Ref::steal(d);
    Ref init = t == &defaultdict_type ? nullptr : type_lookup(t, intern("__init__"));
    bool own_init =
        t == &defaultdict_type || (init && is_method_descriptor(init.get()) &&
                                   static_cast<MethodDescriptor*>(init.get())->def->fn == defaultdict_init);
    if (own_init) defaultdict_fill(d, args, nargs, kw);
    return self;
}

Ref defaultdict_repr(Object* o) {
    Ref contents = dict_type.repr(o);
    std::string factory = "None";
    if (Object* f = as_defaultdict(o)->factory) {
        Ref hold = Ref::borrow(f);
        ReprGuard guard(f);
        factory = guard.entered() ? repr_utf8(f) : "...";
    }
    return str_new(shown_name(o) + "(" + factory + ", " + str_utf8_of(contents.get()) + ")");
}

// type(d)(d.default_factory, d): what copy() and `|` start from.
Ref defaultdict_copy_of(Object* o, Object* contents) {
    Object* factory = as_defaultdict(o)->factory;
    Object* call_args[2] = {factory ? factory : None, contents};
    return call(type_of(o), call_args, 2);
}

Ref defaultdict_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    return defaultdict_copy_of(args[0], args[0]);
}

Ref defaultdict_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Object* factory = as_defaultdict(args[0])->factory;
    Ref ctor_args = factory ? tuple_from(&factory, 1) : tuple_new(0);
    Ref items = call0(get_attr(args[0], intern("items")).get());
    Ref it = get_iter(items.get());
    Object* parts[5] = {type_of(args[0]), ctor_args.get(), None, None, it.get()};
    return tuple_from(parts, 5);
}

// d | other and other | d for a dict `other`: a copy of the left one (as a defaultdict with this
// one's factory) updated with the right one.
Ref defaultdict_or(Object* a, Object* b) {
    bool self_left = is_instance(a, &defaultdict_type);
    Object* self = self_left ? a : b;
    Object* other = self_left ? b : a;
    if (!is_instance(other, &dict_type)) return Ref::borrow(NotImplemented);
    Ref result = defaultdict_copy_of(self, a);
    dict_update(as_dict(result.get()), b);
    return result;
}

Ref defaultdict_getattr(Object* o, Str* name) {
    if (name->utf8 == "default_factory") {
        Object* f = as_defaultdict(o)->factory;
        return Ref::borrow(f ? f : None);
    }
    return generic_getattr(o, name);
}

void defaultdict_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 != "default_factory") return class_generic_setattr(o, name, value);
    Object* f = value && value != None ? newref(value) : nullptr;
    xdecref(std::exchange(as_defaultdict(o)->factory, f));
}

// The getter and setter of the `default_factory` property, which classes derived from defaultdict
// reach (their attribute assignment goes through the class dict's data descriptors).
Ref factory_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("default_factory", nargs, kw, 1, 1);
    return defaultdict_getattr(args[0], intern("default_factory"));
}

Ref factory_set(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("default_factory", nargs, kw, 2, 2);
    defaultdict_setattr(args[0], intern("default_factory"), args[1]);
    return Ref::borrow(None);
}

const MethodDef kFactoryAccessors[] = {
    {"default_factory", factory_get, "Factory for default value called by __missing__()."},
    {"default_factory", factory_set, "Factory for default value called by __missing__()."},
};

const MethodDef kDefaultDictMethods[] = {
    {"__init__", defaultdict_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__missing__", defaultdict_missing,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value\n"},
    {"copy", defaultdict_copy, "D.copy() -> a shallow copy of D."},
    {"__copy__", defaultdict_copy, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defaultdict_reduce, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

// ---- _count_elements ----

// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for each x (Counter's
// inner loop).
Ref count_elements(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_count_elements", nargs, kw, 2, 2);
    Object* mapping = args[0];
    Ref get = get_attr(mapping, intern("get"));
    Object* zero = make_small_int(0);
    Object* one = make_small_int(1);
    for_each_item(args[1], [&](Object* item) {
        Object* get_args[2] = {item, zero};
        Ref old = call(get.get(), get_args, 2);
        Ref updated = binary_op(old.get(), one, BinaryOp::Add);
        set_item(mapping, item, updated.get());
    });
    return Ref::borrow(None);
}

// ---- _tuplegetter ----

// The field `p.x` of a namedtuple: a property reading item `index`, whose setter and deleter raise
// CPython's _tuplegetter errors. The bound index is args[0], the instance args[1].
Ref tuplegetter_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_tuplegetter", nargs, kw, 2, 2);
    return get_item(args[1], args[0]);
}

Ref tuplegetter_set(Object*, Args, size_t, Tuple*) { raise(&AttributeError_type, "can't set attribute"); }
Ref tuplegetter_delete(Object*, Args, size_t, Tuple*) {
    raise(&AttributeError_type, "can't delete attribute");
}

const MethodDef kTupleGetterAccessors[] = {
    {"_tuplegetter", tuplegetter_get, nullptr},
    {"_tuplegetter", tuplegetter_set, nullptr},
    {"_tuplegetter", tuplegetter_delete, nullptr},
};

// _tuplegetter(index, doc).
Ref tuplegetter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_tuplegetter", nargs, kw, 2, 2);
    Ref get = native_function_new(&kTupleGetterAccessors[0], args[0]);
    Ref set = native_function_new(&kTupleGetterAccessors[1], nullptr);
    Ref del = native_function_new(&kTupleGetterAccessors[2], nullptr);
    Object* property_args[4] = {get.get(), set.get(), del.get(), args[1]};
    return call(&property_type, property_args, 4);
}

const MethodDef kCollectionsFunctions[] = {
    {"_count_elements", count_elements, "Count elements in the iterable, updating the mapping"},
    {"_tuplegetter", tuplegetter, "A namedtuple field: a property that reads item `index`."},
    {nullptr, nullptr, nullptr},
};

Ref maxlen_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("maxlen", nargs, kw, 1, 1);
    return deque_getattr(args[0], intern("maxlen"));
}

const MethodDef kMaxlenGetter = {"maxlen", maxlen_get, "maximum size of a deque or None if unbounded"};

void add_property(Type* t, const MethodDef* getter, const MethodDef* setter) {
    Ref get = native_function_new(getter, nullptr);
    Ref set = setter ? native_function_new(setter, nullptr) : Ref::borrow(None);
    Ref doc = str_new(getter->doc);
    Object* property_args[4] = {get.get(), set.get(), None, doc.get()};
    Ref property = call(&property_type, property_args, 4);
    dict_set(t->dict, intern(getter->name), property.get());
}

void init_collections_types() {
    Type& t = deque_type;
    t.name = "collections.deque";
    t.instance_size = sizeof(Deque);
    t.dealloc = deque_dealloc;
    t.traverse = deque_traverse;
    t.clear = deque_clear_slot;
    t.repr = deque_repr;
    t.hash = hash_not_implemented;
    t.compare = deque_compare;
    t.len = deque_len;
    t.getitem = deque_getitem;
    t.setitem = deque_setitem;
    t.contains = deque_contains;
    t.iter = deque_iter;
    t.getattr = deque_getattr;
    t.construct = deque_construct;
    t.binary[static_cast<size_t>(BinaryOp::Add)] = deque_concat;
    t.binary[static_cast<size_t>(BinaryOp::Mul)] = deque_repeat;
    t.inplace[static_cast<size_t>(BinaryOp::Add)] = deque_inplace_concat;
    t.inplace[static_cast<size_t>(BinaryOp::Mul)] = deque_inplace_repeat;
    t.methods = kDequeMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.collection_flags = kTypeSequence;
    init_type(&t);
    // maxlen and default_factory are properties over native accessors, which derived classes'
    // attribute lookup (the class dict's data descriptors) reaches too.
    add_property(&t, &kMaxlenGetter, nullptr);
    allow_weak_references(&t);

    for (Type* it : {&deque_iterator_type, &deque_reverse_iterator_type}) {
        it->name = it == &deque_iterator_type ? "_collections._deque_iterator"
                                              : "_collections._deque_reverse_iterator";
        it->instance_size = sizeof(DequeIterator);
        it->dealloc = iterator_dealloc;
        it->traverse = iterator_traverse;
        it->iter = [](Object* o) { return Ref::borrow(o); };
        it->next = iterator_next;
        it->construct = iterator_construct;
        it->methods = kIteratorMethods;
        init_type(it);
    }

    Type& dd = defaultdict_type;
    dd.name = "collections.defaultdict";
    dd.base = &dict_type;
    dd.instance_size = sizeof(DefaultDict);
    dd.dealloc = defaultdict_dealloc;
    dd.traverse = defaultdict_traverse;
    dd.clear = defaultdict_clear_slot;
    dd.repr = defaultdict_repr;
    dd.getitem = defaultdict_getitem;
    dd.getattr = defaultdict_getattr;
    dd.setattr = defaultdict_setattr;
    dd.construct = defaultdict_construct;
    dd.binary[static_cast<size_t>(BinaryOp::Or)] = defaultdict_or;
    dd.inplace[static_cast<size_t>(BinaryOp::Or)] = dict_type.inplace[static_cast<size_t>(BinaryOp::Or)];
    dd.methods = kDefaultDictMethods;
    dd.is_basetype = true;
    dd.constructs_subclasses = true;
    init_type(&dd);
    add_class_getitem(&dd);
    add_property(&dd, &kFactoryAccessors[0], &kFactoryAccessors[1]);
}

// CPython's collections registers deque as a MutableSequence itself; nothing to do here.

}  // namespace

Ref init_collections_module() {
    if (!deque_type.dict) init_collections_types();
    Ref m = native_module_new("_collections", kCollectionsFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("deque"), &deque_type);
    dict_set(d, intern("defaultdict"), &defaultdict_type);
    dict_set(d, intern("OrderedDict"), ordered_dict_type());
    dict_set(d, intern("_deque_iterator"), &deque_iterator_type);
    dict_set(d, intern("_deque_reverse_iterator"), &deque_reverse_iterator_type);
    return m;
}

}  // namespace minipy
