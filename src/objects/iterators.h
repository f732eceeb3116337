// iterators.h — the iterator objects of the built-in containers (list, tuple, str, range, dict
// views, set) and the iterator types that builtins exposes as classes: enumerate, zip, reversed.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type list_iterator_type, list_reverseiterator_type, tuple_iterator_type, str_iterator_type,
    range_iterator_type, dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type,
    set_iterator_type, enumerate_type, zip_type, reversed_type;

Ref list_iter_new(Object* list);
Ref list_reverse_iter_new(Object* list);
Ref tuple_iter_new(Object* tuple);
Ref str_iter_new(Object* str);
Ref range_iter_new(int64_t start, int64_t step, int64_t length);
enum class DictIterKind : uint8_t { Keys, Values, Items };
Ref dict_iter_new(Object* dict, DictIterKind kind);
Ref set_iter_new(Object* set);  // objects/set.cpp

// Fills in an iterator type: `iter` returns the iterator itself, `next` yields the items.
// Every iterator type in minipy is set up through this one function.
void init_iterator_type(Type& t, const char* name, size_t size, DeallocSlot dealloc, NextSlot next);

}  // namespace minipy
