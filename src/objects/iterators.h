// iterators.h — the iterator objects of the built-in containers (list, tuple, str, range, dict
// views, set) and the iterator types that builtins exposes as classes: enumerate, zip, reversed.
#pragma once

#include <utility>

#include "objects/containers.h"
#include "objects/int.h"

namespace minipy {

extern Type getitem_iterator_type, list_iterator_type, list_reverseiterator_type, tuple_iterator_type,
    str_iterator_type, range_iterator_type, dict_keyiterator_type, dict_valueiterator_type,
    dict_itemiterator_type, dict_reversekeyiterator_type, dict_reversevalueiterator_type,
    dict_reverseitemiterator_type, set_iterator_type, enumerate_type, zip_type, reversed_type;

// list, tuple, str and reversed-sequence iterators: a container and a position.
struct SeqIter : Object {
    Object* seq;  // owned; null once exhausted
    int64_t pos;  // item index (byte offset for non-ASCII str)
};
struct RangeIter : Object {
    int64_t next, step, remaining;
    int64_t start;  // the first item: __reduce__ rebuilds the range and says how far it got
};

// The next item of a list or range iterator (a new reference), or null at the end. The interpreter
// loop's FOR_ITER calls these inline for the two commonest loops; the types' `next` slots too.
// Forced inline: with minipy-ft's lock-free list read in it, GCC left the list one out of line,
// where it took 24% of bench/threads_shared.py's samples.
MINIPY_ALWAYS_INLINE Object* list_iter_next_inline(Object* o) {
    auto* it = static_cast<SeqIter*>(o);
    if (!it->seq) return nullptr;
    if (Object* item = list_get_new(it->seq, static_cast<size_t>(it->pos))) {
        ++it->pos;
        return item;
    }
    // Drops the list at the end, so an exhausted iterator stays exhausted and frees memory early.
    xdecref(std::exchange(it->seq, nullptr));
    return nullptr;
}
inline Object* range_iter_next_inline(Object* o) {
    auto* it = static_cast<RangeIter*>(o);
    if (it->remaining <= 0) return nullptr;
    int64_t v = it->next;
    it->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
    --it->remaining;
    return fits_small_int(v) ? make_small_int(v) : int_from_i64(v).release();
}

// iter() of an object whose class has __getitem__ but no __iter__: indexes from 0 until IndexError.
Ref getitem_iter_new(Object* seq);
Ref list_iter_new(Object* list);
Ref list_reverse_iter_new(Object* list);
Ref tuple_iter_new(Object* tuple);
Ref str_iter_new(Object* str);
Ref range_iter_new(int64_t start, int64_t step, int64_t length);
enum class DictIterKind : uint8_t { Keys, Values, Items };
Ref dict_iter_new(Object* dict, DictIterKind kind);
Ref dict_reverse_iter_new(Object* dict, DictIterKind kind);  // reversed(d), reversed(d.items()), ...
// A view of `dict`: t is dict_keys_type, dict_values_type, dict_items_type or a type derived from one.
Ref dict_view_new(Type* t, Object* dict);
extern Type dict_keys_type, dict_values_type, dict_items_type;
// The dict a view shows.
Dict* view_dict(Object* view);
Ref set_iter_new(Object* set);  // objects/set.cpp

// Pickling the iterators (their __reduce__ and __setstate__, as CPython's). They name builtins.iter
// (an unpacked alias builtins.next, a bound method builtins.getattr), which the builtins module
// registers here when it is made.
void set_reduce_builtins(Object* iter_function, Object* next_function, Object* getattr_function);
Object* builtin_iter();
Object* builtin_next();
Object* builtin_getattr();
// (getattr, (owner, name)): what a bound method or a method descriptor pickles as.
Ref reduce_as_getattr(Object* owner, Object* name);
// (callable, args) or, with a state, (callable, args, state). `args` is a tuple.
Ref reduce_value(Object* callable, Ref args, Object* state = nullptr);
// (iter, (seq,), index) while `seq` is set, else (iter, (empty,)) with `empty` an empty list or tuple.
Ref reduce_iter_at(Object* seq, int64_t index, bool empty_list);
// The index __setstate__ was given, clamped to [low, high], with CPython's TypeError for a non-int.
int64_t setstate_index(Object* const* args, size_t nargs, Tuple* kw, int64_t low, int64_t high);

// Fills in an iterator type: `iter` returns the iterator itself, `next` yields the items.
// Every iterator type in minipy is set up through this one function.
void init_iterator_type(Type& t, const char* name, size_t size, DeallocSlot dealloc, NextSlot next);

}  // namespace minipy
