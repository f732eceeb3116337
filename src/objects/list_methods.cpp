// list_methods.cpp — the methods of list (append, pop, index, sort, ...). sort() orders a vector of
// positions and applies it only on success, so a comparison that raises leaves the list intact.
#include <algorithm>
#include <numeric>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

namespace {

List* self_list(const char* name, Object* const* args, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs - 1 < min || nargs - 1 > max) {
        if (min == max && min == 1)
            raise(&TypeError_type,
                  format("list.%s() takes exactly one argument (%zu given)", name, nargs - 1));
        if (max == 0)
            raise(&TypeError_type, format("list.%s() takes no arguments (%zu given)", name, nargs - 1));
        raise_arg_count(name, min, max, nargs - 1);
    }
    return as_list(args[0]);
}

Ref list_append_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_list("append", args, nargs, kw, 1, 1);
    list_append(args[0], args[1]);
    return Ref::borrow(None);
}

Ref list_extend_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_list("extend", args, nargs, kw, 1, 1);
    list_extend(args[0], args[1]);
    return Ref::borrow(None);
}

Ref list_insert(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("insert", args, nargs, kw, 2, 2);
    int64_t i = as_index(args[1]);
    CriticalSection cs(l->mutex);
    auto size = static_cast<int64_t>(l->items.size());
    if (i < 0) i = std::max<int64_t>(0, i + size);
    i = std::min(i, size);
    l->items.insert(l->items.begin() + i, newref(args[2]));
    return Ref::borrow(None);
}

Ref list_pop(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("pop", args, nargs, kw, 0, 1);
    int64_t i = nargs > 1 ? as_index(args[1]) : -1;
    CriticalSection cs(l->mutex);
    auto size = static_cast<int64_t>(l->items.size());
    if (size == 0) raise(&IndexError_type, "pop from empty list");
    if (i < 0) i += size;
    if (i < 0 || i >= size) raise(&IndexError_type, "pop index out of range");
    Object* item = l->items[i];
    l->items.erase(l->items.begin() + i);
    return Ref::steal(item);
}

// The position of the first item equal to x in [start, stop), or -1.
int64_t find_item(Object* list, Object* x, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop; ++i) {
        Ref item = list_get_opt(list, i);
        if (!item) break;
        if (equals(item.get(), x)) return i;
    }
    return -1;
}

Ref list_remove(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("remove", args, nargs, kw, 1, 1);
    int64_t i = find_item(args[0], args[1], 0, INT64_MAX);
    if (i < 0) raise(&ValueError_type, "list.remove(x): x not in list");
    Object* item;
    {
        CriticalSection cs(l->mutex);
        item = l->items[i];
        l->items.erase(l->items.begin() + i);
    }
    decref(item);
    return Ref::borrow(None);
}

Ref list_index(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("index", args, nargs, kw, 1, 3);
    auto size = static_cast<int64_t>(l->items.size());
    int64_t start = nargs > 2 ? as_index_clamped(args[2]) : 0,
            stop = nargs > 3 ? as_index_clamped(args[3]) : size;
    if (start < 0) start = std::max<int64_t>(0, start + size);
    if (stop < 0) stop = std::max<int64_t>(0, stop + size);
    int64_t i = find_item(args[0], args[1], start, stop);
    if (i < 0) raise(&ValueError_type, repr_utf8(args[1]) + " is not in list");
    return int_from_i64(i);
}

Ref list_count(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_list("count", args, nargs, kw, 1, 1);
    int64_t n = 0;
    for (size_t i = 0;; ++i) {
        Ref item = list_get_opt(args[0], i);
        if (!item) break;
        n += equals(item.get(), args[1]);
    }
    return int_from_i64(n);
}

Ref list_clear(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("clear", args, nargs, kw, 0, 0);
    ListItems old;
    {
        CriticalSection cs(l->mutex);
        old.swap(l->items);
    }
    list_release_items(old);
    return Ref::borrow(None);
}

Ref list_copy(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("copy", args, nargs, kw, 0, 0);
    CriticalSection cs(l->mutex);
    return list_from(l->items.data(), l->items.size());
}

Ref list_reverse(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    List* l = self_list("reverse", args, nargs, kw, 0, 0);
    CriticalSection cs(l->mutex);
    std::reverse(l->items.begin(), l->items.end());
    return Ref::borrow(None);
}

// ---- sort ----
enum class KeyKind { SmallInt, Float, Str, General };

// When every key has the same simple type, comparisons need no dispatch and cannot raise.
KeyKind uniform_kind(const std::vector<Object*>& keys) {
    if (std::all_of(keys.begin(), keys.end(), [](Object* k) { return is_small_int(k); }))
        return KeyKind::SmallInt;
    if (std::all_of(keys.begin(), keys.end(), [](Object* k) { return type_of(k) == &float_type; }))
        return KeyKind::Float;
    if (std::all_of(keys.begin(), keys.end(), [](Object* k) { return type_of(k) == &str_type; }))
        return KeyKind::Str;
    return KeyKind::General;
}

bool key_less(KeyKind kind, Object* a, Object* b) {
    switch (kind) {
        case KeyKind::SmallInt:
            return small_int_value(a) < small_int_value(b);
        case KeyKind::Float:
            return float_value(a) < float_value(b);
        case KeyKind::Str:
            return str_utf8_of(a) < str_utf8_of(b);
        case KeyKind::General:
            return compare_bool(a, b, CompareOp::Lt);
    }
    return false;
}

// A stable merge sort of `v` that stays within its bounds whatever `less` answers: a comparison
// function that contradicts itself, or a float key that is NaN. std::stable_sort's insertion step
// runs unguarded past the front when `less` is inconsistent (CPython's test_sort "insane comparison
// function" segfaulted minipy). Runs of kRun are binary-insertion-sorted, then merged pairwise; a merge
// whose halves are already in order costs one comparison, so sorted input takes O(n) comparisons.
template <class Less>
void stable_sort_within_bounds(std::vector<size_t>& v, Less less) {
    constexpr size_t kRun = 32;
    size_t n = v.size();
    for (size_t lo = 0; lo < n; lo += kRun) {
        size_t hi = std::min(lo + kRun, n);
        for (size_t i = lo + 1; i < hi; ++i) {
            // Binary insertion, as CPython's binarysort: after the equal items already placed.
            size_t x = v[i], left = lo, right = i;
            if (!less(x, v[i - 1])) continue;
            while (left < right) {
                size_t middle = left + (right - left) / 2;
                if (less(x, v[middle]))
                    right = middle;
                else
                    left = middle + 1;
            }
            std::move_backward(v.begin() + static_cast<ptrdiff_t>(left),
                               v.begin() + static_cast<ptrdiff_t>(i),
                               v.begin() + static_cast<ptrdiff_t>(i) + 1);
            v[left] = x;
        }
    }
    std::vector<size_t> merged(n);
    for (size_t width = kRun; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            size_t i = lo, j = mid, k = lo;
            if (mid < hi && less(v[mid], v[mid - 1])) {
                while (i < mid && j < hi) merged[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
            }
            while (i < mid) merged[k++] = v[i++];
            while (j < hi) merged[k++] = v[j++];
        }
        v.swap(merged);
    }
}

// Sorts `items` (owned by the caller); throws without changing them if a comparison raises.
void sort_items(ListItems& items, Object* key, bool reverse) {
    std::vector<Ref> computed;
    std::vector<Object*> keys(items.begin(), items.end());
    if (key && key != None) {
        computed.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            computed.push_back(call1(key, items[i]));
            keys[i] = computed.back().get();
        }
    }
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    KeyKind kind = uniform_kind(keys);
    // reverse=True keeps equal items in their original order, as CPython's does.
    stable_sort_within_bounds(order, [&](size_t a, size_t b) {
        return reverse ? key_less(kind, keys[b], keys[a]) : key_less(kind, keys[a], keys[b]);
    });
    ListItems sorted(items.size());
    for (size_t i = 0; i < order.size(); ++i) sorted[i] = items[order[i]];
    items.swap(sorted);
}

Ref list_sort_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs > 1) raise(&TypeError_type, "sort() takes no positional arguments");
    static const char* const names[] = {"self", "key", "reverse"};
    Object* bound[3];
    bind_args("sort", args, nargs, kw, names, 3, 1, bound);
    return list_sort(bound[0], bound[1], bound[2] && is_true(bound[2]));
}

}  // namespace

Ref list_sort(Object* list, Object* key, bool reverse) {
    List* l = as_list(list);
    ListItems items;
    {
        // The list looks empty while it is sorted, so key functions that change it are detected.
        CriticalSection cs(l->mutex);
        items.swap(l->items);
    }
    auto restore = [&] {
        ListItems added;
        {
            CriticalSection cs(l->mutex);
            added.swap(l->items);
            l->items.swap(items);
        }
        for (Object* o : added) decref(o);
        // The stand-in was empty with no storage: storage now means the list was changed, even if
        // emptied again (`L.append(3); L.pop()` in a key function), as CPython sees by `allocated`.
        return !added.empty() || added.capacity() != 0;
    };
    try {
        sort_items(items, key, reverse);
    } catch (...) {
        restore();
        throw;
    }
    if (restore()) raise(&ValueError_type, "list modified during sort");
    return Ref::borrow(None);
}

extern const MethodDef list_methods[] = {
    {"append", list_append_method, "Append object to the end of the list."},
    {"extend", list_extend_method, "Extend list by appending elements from the iterable."},
    {"insert", list_insert, "Insert object before index."},
    {"pop", list_pop, "Remove and return item at index (default last)."},
    {"remove", list_remove, "Remove first occurrence of value."},
    {"index", list_index, "Return first index of value."},
    {"count", list_count, "Return number of occurrences of value."},
    {"clear", list_clear, "Remove all items from list."},
    {"copy", list_copy, "Return a shallow copy of the list."},
    {"reverse", list_reverse, "Reverse *IN PLACE*."},
    {"sort", list_sort_method, "Sort the list in ascending order and return None."},
    {nullptr, nullptr, nullptr},
};

}  // namespace minipy
