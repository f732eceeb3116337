// heapq_module.cpp — the native `_heapq` that heapq.py takes its functions from when it exists
// (`from _heapq import *`), with CPython 3.11's behaviour: the heap must be a list, items are
// ordered by `<` alone, and a comparison that changes the list's size raises RuntimeError.
#include <utility>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// A min-heap keeps its smallest item at index 0 (heappush, heappop, ...); a max-heap, its largest
// (the _max functions, which heapq.merge and nlargest use).
enum class Order { Min, Max };

// Whether comparing `o` with another such object runs no Python code: exact ints, floats and strs,
// and tuples of them (the (priority, value) entries heaps often hold).
bool compares_natively(Object* o, int depth = 0) {
    Type* t = type_of(o);
    if (t == &int_type || t == &float_type || t == &str_type) return true;
    if (t != &tuple_type || depth > 2) return false;
    Tuple* tuple = as_tuple(o);
    for (size_t i = 0; i < tuple->size; ++i) {
        if (!compares_natively(tuple->items[i], depth + 1)) return false;
    }
    return true;
}

// Each operation below runs under the heap's lock, so in the free-threaded flavor a heappush or
// heappop of ints is as atomic as CPython's (one critical section per call). A comparison that may
// run Python code (a user __lt__) lets go of the lock while it runs; the caller then checks that
// the list kept its size, as CPython does after every comparison.
bool goes_before(List* heap, Object* a, Object* b, Order order) {
    if (order == Order::Max) std::swap(a, b);
    if (compares_natively(a) && compares_natively(b)) return compare_bool(a, b, CompareOp::Lt);
    // Our own references, taken under the lock (the comparison may drop the items from the list) and
    // dropped before it is taken back, since dropping the last one may run a __del__.
    newref(a);
    newref(b);
    Unlocked unlocked(heap->mutex);
    Ref hold_a = Ref::steal(a), hold_b = Ref::steal(b);
    return compare_bool(a, b, CompareOp::Lt);
}

[[noreturn]] void raise_index_out_of_range() { raise(&IndexError_type, "index out of range"); }

void check_size_unchanged(List* heap, size_t size) {
    if (heap->items.size() != size) raise(&RuntimeError_type, "list changed size during iteration");
}

// Moves the item at `pos` toward the root (not past `start`) while it goes before its parent
// (heapq.py's _siftdown). The heap's lock is held.
void sift_toward_root(List* heap, size_t start, size_t pos, Order order) {
    ListItems& items = heap->items;  // re-read after each comparison: it may have moved
    size_t size = items.size();
    if (pos >= size) raise_index_out_of_range();
    while (pos > start) {
        size_t parent = (pos - 1) / 2;
        bool moves_up = goes_before(heap, items[pos], items[parent], order);
        check_size_unchanged(heap, size);
        if (!moves_up) break;
        std::swap(items[pos], items[parent]);
        pos = parent;
    }
}

// Moves the item at `pos` down to a leaf, always along the child that goes first, then back up to
// its place (heapq.py's _siftup: fewer comparisons than stopping on the way down). The heap's lock
// is held.
void sift_away_from_root(List* heap, size_t pos, Order order) {
    ListItems& items = heap->items;
    size_t start = pos, end = items.size();
    if (pos >= end) raise_index_out_of_range();
    for (size_t first_leaf = end / 2; pos < first_leaf;) {
        size_t child = 2 * pos + 1;
        if (child + 1 < end) {
            if (!goes_before(heap, items[child], items[child + 1], order)) ++child;
            check_size_unchanged(heap, end);
        }
        std::swap(items[pos], items[child]);
        pos = child;
    }
    sift_toward_root(heap, start, pos, order);
}

// Sifts every parent, children before their parents. Past 2,500 items CPython visits them in a
// cache-friendly order (each parent right after its two children); the heap comes out the same,
// but a __lt__ with side effects sees that order, so it is kept.
void heapify(List* heap, Order order) {
    CriticalSection cs(heap->mutex);
    size_t n = heap->items.size();
    size_t first_leaf = n / 2;
    if (n <= 2500) {
        for (size_t i = first_leaf; i-- > 0;) sift_away_from_root(heap, i, order);
        return;
    }
    // Sifts node i, then, while i is a left child (its right sibling already sifted), its parent.
    auto sift_with_completed_parents = [&](size_t i) {
        for (;;) {
            sift_away_from_root(heap, i, order);
            if (i % 2 == 0) break;
            i /= 2;
        }
    };
    size_t row_start = 1;  // the first index of the tree row that holds first_leaf
    while (row_start * 2 <= first_leaf + 1) row_start *= 2;
    size_t leftmost = row_start - 1;
    for (size_t i = leftmost; i-- > first_leaf / 2;) sift_with_completed_parents(i);
    for (size_t i = first_leaf; i-- > leftmost;) sift_with_completed_parents(i);
}

// Removes and returns the root: the last item takes its place and sifts down.
Ref heap_pop(List* heap, Order order) {
    CriticalSection cs(heap->mutex);
    ListItems& items = heap->items;
    if (items.empty()) raise_index_out_of_range();
    Ref last = Ref::steal(items.back());
    items.pop_back();
    if (items.empty()) return last;
    Ref root = Ref::steal(items[0]);
    items[0] = last.release();
    sift_away_from_root(heap, 0, order);
    return root;
}

// Returns the root and puts `item` in its place. The heap's lock is held.
Ref heap_replace_locked(List* heap, Object* item, Order order) {
    if (heap->items.empty()) raise_index_out_of_range();
    Ref root = Ref::steal(heap->items[0]);
    heap->items[0] = newref(item);
    sift_away_from_root(heap, 0, order);
    return root;
}

Ref heap_replace(List* heap, Object* item, Order order) {
    CriticalSection cs(heap->mutex);
    return heap_replace_locked(heap, item, order);
}

// The heap argument, which must be exactly a list or a subclass of it. CPython's argument clinic
// numbers it in functions of two arguments ("argument 1") and not in those of one.
List* heap_argument(const char* fname, Object* o, bool numbered) {
    if (!is_instance(o, &list_type))
        raise(&TypeError_type, format("%s() argument%s must be list, not %s", fname, numbered ? " 1" : "",
                                      o == None ? "None" : type_of(o)->name.c_str()));
    return as_list(o);
}

// Checks the arguments of a function taking (heap) or (heap, item) and returns the heap. The two
// kinds word their errors differently in CPython: METH_O for one argument, the clinic for two.
List* bind_heap(const char* fname, const char* qualified, Args args, size_t nargs, Tuple* kw, size_t count) {
    if (count == 1) {
        check_positional(qualified, nargs, kw, 1, 1);
    } else {
        if (kw && kw->size) raise_no_kwargs(qualified);
        if (nargs != count) raise_arg_count(fname, count, count, nargs);
    }
    return heap_argument(fname, args[0], count > 1);
}

Ref heappush(Object*, Args args, size_t nargs, Tuple* kw) {
    List* heap = bind_heap("heappush", "_heapq.heappush", args, nargs, kw, 2);
    CriticalSection cs(heap->mutex);
    heap->items.push_back(newref(args[1]));
    sift_toward_root(heap, 0, heap->items.size() - 1, Order::Min);
    return Ref::borrow(None);
}

Ref heappop(Object*, Args args, size_t nargs, Tuple* kw) {
    return heap_pop(bind_heap("heappop", "_heapq.heappop", args, nargs, kw, 1), Order::Min);
}

Ref heapreplace(Object*, Args args, size_t nargs, Tuple* kw) {
    return heap_replace(bind_heap("heapreplace", "_heapq.heapreplace", args, nargs, kw, 2), args[1],
                        Order::Min);
}

// Pushes then pops, in one step: the item itself comes back when it is not larger than the root.
Ref heappushpop(Object*, Args args, size_t nargs, Tuple* kw) {
    List* heap = bind_heap("heappushpop", "_heapq.heappushpop", args, nargs, kw, 2);
    Object* item = args[1];
    CriticalSection cs(heap->mutex);
    if (heap->items.empty()) return Ref::borrow(item);
    if (!goes_before(heap, heap->items[0], item, Order::Min)) return Ref::borrow(item);
    // The comparison may have emptied the list: then IndexError, as in CPython.
    return heap_replace_locked(heap, item, Order::Min);
}

Ref heapify_min(Object*, Args args, size_t nargs, Tuple* kw) {
    heapify(bind_heap("heapify", "_heapq.heapify", args, nargs, kw, 1), Order::Min);
    return Ref::borrow(None);
}

Ref heapify_max(Object*, Args args, size_t nargs, Tuple* kw) {
    heapify(bind_heap("_heapify_max", "_heapq._heapify_max", args, nargs, kw, 1), Order::Max);
    return Ref::borrow(None);
}

Ref heappop_max(Object*, Args args, size_t nargs, Tuple* kw) {
    return heap_pop(bind_heap("_heappop_max", "_heapq._heappop_max", args, nargs, kw, 1), Order::Max);
}

Ref heapreplace_max(Object*, Args args, size_t nargs, Tuple* kw) {
    List* heap = bind_heap("_heapreplace_max", "_heapq._heapreplace_max", args, nargs, kw, 2);
    return heap_replace(heap, args[1], Order::Max);
}

const MethodDef kHeapqFunctions[] = {
    {"heappush", heappush, "Push item onto heap, maintaining the heap invariant."},
    {"heappop", heappop, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heappushpop", heappushpop,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\n"
     "a separate call to heappop()."},
    {"heapify", heapify_min, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"heapreplace", heapreplace,
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap."},
    {"_heapify_max", heapify_max, "Maxheap variant of heapify."},
    {"_heappop_max", heappop_max, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapreplace_max, "Maxheap variant of heapreplace."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_heapq_module() { return native_module_new("_heapq", kHeapqFunctions); }

}  // namespace minipy
