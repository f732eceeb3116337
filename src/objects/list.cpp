// list.cpp — the mutable sequence: a vector of owned pointers guarded by the object's critical
// section (a no-op under the GIL), slicing with CPython's rules, and a stable sort that leaves the
// list intact when a comparison raises.
#include <algorithm>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/sequence.h"
#include "objects/str.h"

namespace minipy {

Type list_type;

Ref list_new(size_t reserve) {
    auto* l = new List();
    init_header(l, &list_type);
    l->items.reserve(reserve);
    return Ref::steal(l);
}

Ref list_from(Object* const* items, size_t n) {
    Ref r = list_new(n);
    for (size_t i = 0; i < n; ++i) as_list(r.get())->items.push_back(newref(items[i]));
    return r;
}

void list_append(Object* list, Object* item) {
    List* l = as_list(list);
    CriticalSection cs(l->mutex);
    l->items.push_back(newref(item));
}

Ref list_get_opt(Object* list, size_t i) { return Ref::steal(list_get_new(list, i)); }

Ref list_get_locked(Object* list, size_t i) {
    List* l = as_list(list);
    CriticalSection cs(l->mutex);
    return i < l->items.size() ? share_item(l->items[i]) : nullptr;
}

bool list_set_opt(Object* list, size_t i, Object* value) {
    List* l = as_list(list);
    Object* old;
    {
        CriticalSection cs(l->mutex);
        if (i >= l->items.size()) return false;
        old = l->items[i];
        l->items[i] = newref(value);
    }
    decref(old);  // outside the lock, as list_setitem: freeing `old` may take other locks
    return true;
}

void list_extend(Object* list, Object* iterable) {
    // A dict's keys are copied in one step under its lock, so list(d) never sees it change size
    // midway, even while other threads insert and delete (as in CPython, with or without the GIL).
    Ref keys = type_of(iterable) == &dict_type ? dict_keys_list(as_dict(iterable)) : nullptr;
    if (keys) iterable = keys.get();
    if (type_of(iterable) == &list_type || type_of(iterable) == &tuple_type) {
        // Copy a list first, under its lock: `a.extend(a)` must read the list as it was, and
        // another thread may grow the source (moving its items) while they are read.
        Ref source;
        if (type_of(iterable) == &list_type && iterable != keys.get()) {
            CriticalSection cs(as_list(iterable)->mutex);
            source = list_from(as_list(iterable)->items.data(), as_list(iterable)->items.size());
        } else {
            source = Ref::borrow(iterable);
        }
        Object* const* items;
        size_t n;
        if (type_of(source.get()) == &tuple_type) {
            items = as_tuple(source.get())->items;
            n = as_tuple(source.get())->size;
        } else {
            items = as_list(source.get())->items.data();
            n = as_list(source.get())->items.size();
        }
        CriticalSection cs(as_list(list)->mutex);
        for (size_t i = 0; i < n; ++i) as_list(list)->items.push_back(newref(items[i]));
        return;
    }
    if (type_of(iterable) == &generator_type) {
        // list(x for x in ...): each value goes into the list from the generator's YIELD_VALUE,
        // and its frame runs on (objects/generator.h, YieldSink). An append runs no Python code.
        YieldSink sink{[](YieldSink* s, Object* value) {
                           Ref owned = Ref::steal(value);
                           List* l = as_list(s->target);
                           CriticalSection cs(l->mutex);
                           l->items.push_back(owned.get());
                           owned.release();
                           return true;
                       },
                       [](YieldSink* s, Object* value) { list_append(s->target, value); }, list};
        generator_drain(iterable, &sink);
        return;
    }
    Ref it = get_iter(iterable);
    // Room for what the iterable says it holds, first, as CPython: list(range(10**12)) is a
    // MemoryError at once, not after every free byte has gone to its items.
    int64_t hint = length_hint(iterable, 8);
    {
        CriticalSection cs(as_list(list)->mutex);
        ListItems& items = as_list(list)->items;
        uint64_t wanted = items.size() + static_cast<uint64_t>(hint);
        // A hint that overflows with the items already there may be a lie: it is ignored, as
        // CPython's list_extend ignores it (an iterator saying sys.maxsize while empty).
        bool overflows = static_cast<uint64_t>(hint) > static_cast<uint64_t>(INT64_MAX) - items.size();
        if (!overflows && wanted > items.capacity()) {
            check_allocation(wanted, sizeof(Object*));
            items.reserve(wanted);
        }
    }
    while (Ref item = iter_next(it.get())) list_append(list, item.get());
}

Ref list_from_iterable(Object* iterable) {
    Ref r = list_new();
    list_extend(r.get(), iterable);
    return r;
}

// Outside any critical section (a dealloc may run arbitrary code), and the last item first, as
// CPython: the order in which items' __del__ methods run.
void list_release_items(const ListItems& items) {
    for (size_t i = items.size(); i-- > 0;) decref(items[i]);
}

namespace {

void list_dealloc(Object* o) {
    list_release_items(as_list(o)->items);
    delete as_list(o);
}

// Last item first, as CPython (gc.get_referents shows the order).
void list_traverse(Object* o, VisitProc visit, void* arg) {
    const ListItems& items = as_list(o)->items;
    for (size_t i = items.size(); i-- > 0;) visit(items[i], arg);
}

void list_clear(Object* o) {
    ListItems items;
    {
        CriticalSection cs(as_list(o)->mutex);
        items.swap(as_list(o)->items);
    }
    list_release_items(items);
}

int64_t list_len(Object* o) {
    List* l = as_list(o);
    CriticalSection cs(l->mutex);
    return static_cast<int64_t>(l->items.size());
}

Ref list_repr(Object* o) {
    if (list_len(o) == 0) return str_new("[]");
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("[...]");
    std::string out = "[";
    for (size_t i = 0;; ++i) {
        Ref item = list_get_opt(o, i);
        if (!item) break;
        if (i > 0) out += ", ";
        out += repr_utf8(item.get());
    }
    return str_new(out + "]");
}

Ref list_compare(Object* a, Object* b, CompareOp op) {
    if (!is_instance(b, &list_type)) return Ref::borrow(NotImplemented);
    return sequence_compare(a, b, op, list_get_opt, list_len);
}

Ref list_slice(List* l, Slice* slice) {
    Ref resolved = slice_with_int_bounds(slice);
    auto* s = static_cast<Slice*>(resolved.get());
    CriticalSection cs(l->mutex);
    int64_t start, stop, step;
    int64_t n = slice_indices(s, static_cast<int64_t>(l->items.size()), &start, &stop, &step);
    Ref r = list_new(n);
    ListItems& out = as_list(r.get())->items;
    if (step == 1 && n > 8) {
        // A longer copy (`board[:]`): the pointers in one block, then counted. Copies of 50 items
        // in bench/pyperf/meteor_contest.py went from 775 to 380 instructions (callgrind); the
        // loop below stays cheaper for a few items (nqueens' `indices[:r]`).
        out.assign(l->items.begin() + start, l->items.begin() + start + n);
        for (Object* item : out) incref(item);
        return r;
    }
    for (int64_t i = 0, k = start; i < n; ++i, k += step) out.push_back(newref(l->items[k]));
    return r;
}

Ref list_getitem(Object* o, Object* key) {
    List* l = as_list(o);
    if (is_int(key)) {
        CriticalSection cs(l->mutex);
        return Ref::borrow(l->items[sequence_index(key, l->items.size(), "list")]);
    }
    if (type_of(key) == &slice_type) return list_slice(l, static_cast<Slice*>(key));
    if (Ref i = index_value(key)) return list_getitem(o, i.get());
    raise_bad_index_type("list", key);
}

void list_del_slice(List* l, Slice* slice) {
    Ref resolved = slice_with_int_bounds(slice);
    auto* s = static_cast<Slice*>(resolved.get());
    ListItems removed;
    {
        CriticalSection cs(l->mutex);
        int64_t start, stop, step;
        int64_t n = slice_indices(s, static_cast<int64_t>(l->items.size()), &start, &stop, &step);
        if (step < 0) {
            start += (n - 1) * step;
            step = -step;
        }
        ListItems kept;
        kept.reserve(l->items.size() - n);
        for (int64_t i = 0; i < static_cast<int64_t>(l->items.size()); ++i) {
            bool hit = n > 0 && i >= start && (i - start) % step == 0 && (i - start) / step < n;
            (hit ? removed : kept).push_back(l->items[i]);
        }
        l->items.swap(kept);
    }
    list_release_items(removed);
}

namespace {

// Owned references, released (the last first, as a list's items) when it goes out of scope.
struct OwnedItems {
    std::vector<Object*> items;
    OwnedItems() = default;
    OwnedItems(const OwnedItems&) = delete;
    OwnedItems& operator=(const OwnedItems&) = delete;
    ~OwnedItems() {
        for (size_t i = items.size(); i-- > 0;) decref(items[i]);
    }
};

// A slice assignment's new items, each owned, taken before the list is touched: the source may be
// the list itself (`a[:] = a`), a generator, or a list another thread changes. An exact list is
// copied under its lock and a tuple's items taken as they are, with no iterator or intermediate list.
// A TypeError from iter() becomes `not_iterable`, as CPython's PySequence_Fast.
void take_items(OwnedItems& out, Object* value, const char* not_iterable) {
    if (type_of(value) == &list_type) {
        List* source = as_list(value);
        CriticalSection cs(source->mutex);
        out.items.reserve(source->items.size());
        for (Object* item : source->items) out.items.push_back(newref(item));
        return;
    }
    if (type_of(value) == &tuple_type) {
        Tuple* source = as_tuple(value);
        out.items.reserve(source->size);
        for (size_t i = 0; i < source->size; ++i) out.items.push_back(newref(source->items[i]));
        return;
    }
    Ref it;
    try {
        it = get_iter(value);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
        raise(&TypeError_type, not_iterable);
    }
    while (Ref item = iter_next(it.get())) out.items.push_back(item.release());
}

// items[start, start + n) = incoming, after which `incoming` holds the items replaced, in order.
// As many as both sides have trade places where they stand; only the difference moves the rest of
// the list: fannkuch's `perm[:k + 1] = perm[k::-1]` moves nothing.
void replace_range(ListItems& items, int64_t start, int64_t n, std::vector<Object*>& incoming) {
    auto m = static_cast<int64_t>(incoming.size());
    auto first = items.begin() + start;
    std::swap_ranges(first, first + std::min(n, m), incoming.begin());
    if (n > m) {
        incoming.insert(incoming.end(), first + m, first + n);
        items.erase(first + m, first + n);
    } else if (m > n) {
        items.insert(first + n, incoming.begin() + n, incoming.end());
        incoming.resize(n);
    }
}

}  // namespace

void list_set_slice(List* l, Slice* slice, Object* value) {
    Ref resolved = slice_with_int_bounds(slice);
    auto* s = static_cast<Slice*>(resolved.get());
    int64_t start, stop, step;
    slice_indices(s, 0, &start, &stop, &step);  // a zero step is refused before the source is read
    // Declared before the lock, so released after it: a replaced item's __del__ may read the list.
    OwnedItems incoming;
    take_items(incoming, value,
               step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
    CriticalSection cs(l->mutex);
    int64_t n = slice_indices(s, static_cast<int64_t>(l->items.size()), &start, &stop, &step);
    if (step == 1) return replace_range(l->items, start, n, incoming.items);
    if (static_cast<int64_t>(incoming.items.size()) != n)
        raise(&ValueError_type,
              format("attempt to assign sequence of size %zu to extended slice of size %lld",
                     incoming.items.size(), static_cast<long long>(n)));
    for (int64_t i = 0, k = start; i < n; ++i, k += step) std::swap(l->items[k], incoming.items[i]);
}

void list_setitem(Object* o, Object* key, Object* value) {
    List* l = as_list(o);
    if (is_int(key)) {
        Object* old;
        {
            CriticalSection cs(l->mutex);
            int64_t i = as_subscript_index(key);
            auto size = static_cast<int64_t>(l->items.size());
            if (i < 0) i += size;
            if (i < 0 || i >= size)
                raise(&IndexError_type,
                      value ? "list assignment index out of range" : "list index out of range");
            old = l->items[i];
            if (value)
                l->items[i] = newref(value);
            else
                l->items.erase(l->items.begin() + i);
        }
        decref(old);
        return;
    }
    if (type_of(key) != &slice_type) {
        if (Ref i = index_value(key)) return list_setitem(o, i.get(), value);
        raise_bad_index_type("list", key);
    }
    if (value)
        list_set_slice(l, static_cast<Slice*>(key), value);
    else
        list_del_slice(l, static_cast<Slice*>(key));
}

Ref list_add(Object* a, Object* b) {
    if (!is_instance(a, &list_type) || !is_instance(b, &list_type)) return Ref::borrow(NotImplemented);
    Ref r = list_new(0);
    list_extend(r.get(), a);
    list_extend(r.get(), b);
    return r;
}

Ref list_inplace_add(Object* a, Object* b) {
    list_extend(a, b);
    return Ref::borrow(a);
}

Ref list_repeat(Object* o, Object* count) {
    int64_t n = as_index(count);
    List* l = as_list(o);
    CriticalSection cs(l->mutex);
    size_t size = l->items.size();
    if (n <= 0 || size == 0) return list_new();
    check_allocation(static_cast<uint64_t>(n), size * sizeof(Object*));
    Ref r = list_new(size * n);
    for (size_t i = 0; i < size * n; ++i) as_list(r.get())->items.push_back(newref(l->items[i % size]));
    return r;
}

Ref list_mul(Object* a, Object* b) {
    if (is_instance(a, &list_type) && is_index_like(b)) return list_repeat(a, b);
    if (is_instance(b, &list_type) && is_index_like(a)) return list_repeat(b, a);
    return Ref::borrow(NotImplemented);
}

Ref list_inplace_mul(Object* a, Object* b) {
    if (!is_index_like(b)) return Ref::borrow(NotImplemented);
    Ref repeated = list_repeat(a, b);
    ListItems old;
    {
        CriticalSection cs(as_list(a)->mutex);
        old.swap(as_list(a)->items);
        as_list(a)->items.swap(as_list(repeated.get())->items);
    }
    list_release_items(old);
    return Ref::borrow(a);
}

bool list_contains(Object* o, Object* item) {
    for (size_t i = 0;; ++i) {
        Ref x = list_get_opt(o, i);
        if (!x) return false;
        if (equals(x.get(), item)) return true;
    }
}

Ref list_iter(Object* o) { return list_iter_new(o); }

Ref list_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("list");
    if (nargs > 1) raise_arg_count("list", 0, 1, nargs);
    return nargs == 0 ? list_new() : list_from_iterable(args[0]);
}

}  // namespace

extern const MethodDef list_methods[];  // list_methods.cpp

void init_list_type() {
    Type& t = list_type;
    t.name = "list";
    t.instance_size = sizeof(List);
    t.dealloc = list_dealloc;
    t.traverse = list_traverse;
    t.clear = list_clear;
    t.repr = list_repr;
    t.hash = hash_not_implemented;
    t.compare = list_compare;
    t.len = list_len;
    t.getitem = list_getitem;
    t.setitem = list_setitem;
    t.contains = list_contains;
    t.iter = list_iter;
    t.construct = list_construct;
    t.is_basetype = true;
    t.binary[static_cast<size_t>(BinaryOp::Add)] = list_add;
    t.binary[static_cast<size_t>(BinaryOp::Mul)] = list_mul;
    t.inplace[static_cast<size_t>(BinaryOp::Add)] = list_inplace_add;
    t.inplace[static_cast<size_t>(BinaryOp::Mul)] = list_inplace_mul;
    t.methods = list_methods;
    t.collection_flags = kTypeSequence;
    init_type(&t);
}

}  // namespace minipy
