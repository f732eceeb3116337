// abstract.h — the generic operations the VM and native code use on any object ("abstract object
// protocol" in CPython's terms). Each dispatches on the type's slots and raises CPython's TypeError
// messages when a slot is missing.
#pragma once

#include <string>

#include "objects/containers.h"
#include "objects/object.h"

namespace minipy {

extern Object* None;
extern Object* True;
extern Object* False;
extern Object* NotImplemented;
extern Object* Ellipsis;
inline Object* bool_obj(bool b) { return b ? True : False; }

Ref repr(Object* o);               // repr(o), a str
Ref str(Object* o);                // str(o), a str
std::string repr_utf8(Object* o);  // repr(o) as UTF-8 text, for messages
std::string str_utf8(Object* o);
int64_t hash(Object* o);  // raises TypeError for unhashable types
// The hash slot of mutable containers: raises "unhashable type: 'list'" (an explicit slot, so
// that the hash inherited from object does not apply).
int64_t hash_not_implemented(Object* o);
bool is_true(Object* o);                          // truth value testing
bool equals(Object* a, Object* b);                // a == b as a bool (identity first)
Ref compare(Object* a, Object* b, CompareOp op);  // rich comparison with reflection
bool compare_bool(Object* a, Object* b, CompareOp op);

Ref binary_op(Object* a, Object* b, BinaryOp op);   // a + b, ... with reflected operands
Ref inplace_op(Object* a, Object* b, BinaryOp op);  // a += b, ...
Ref unary_neg(Object* a);
Ref unary_pos(Object* a);
Ref unary_invert(Object* a);
Ref number_abs(Object* a);                  // abs(a)
const char* binary_op_symbol(BinaryOp op);  // "+", "//", ...

int64_t length(Object* o);  // len(o)
// CPython's PyObject_LengthHint: len(o), else o.__length_hint__(), else `fallback` (a TypeError
// from either means "no hint"). What list(x) reserves before it iterates.
int64_t length_hint(Object* o, int64_t fallback);
Ref get_item(Object* o, Object* key);  // o[key]
void set_item(Object* o, Object* key, Object* value);
void del_item(Object* o, Object* key);
bool contains(Object* container, Object* item);  // item in container

Ref get_iter(Object* o);  // iter(o)
// Calls fn(borrowed item) for each item of an iterable; fast for list and tuple.
template <typename Fn>
void for_each_item(Object* iterable, Fn&& fn);
// The next item, or null when exhausted; a StopIteration raised on the way ends it too (PyIter_Next).
Ref iter_next(Object* iterator);
// iter_next, except that a StopIteration raised on the way passes through with its value: a class's
// __next__, or one that enumerate/map/zip/filter hand on from what they wrap (CPython's direct
// tp_iternext call, whose callers next() and `yield from` read the value); null when the iterator
// ended without one.
Ref iter_next_raising(Object* iterator);

Ref call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames = nullptr);
Ref call0(Object* callable);
Ref call1(Object* callable, Object* arg);

Ref get_attr(Object* o, Str* name);      // raises AttributeError
Ref get_attr_opt(Object* o, Str* name);  // null when missing
// PyObject_GetAttr's augmentation of an AttributeError `exc` (anything else is left alone): its name
// and obj become `name` and `o`, unless a lookup nearer to the error set either already.
void set_attribute_error_context(Object* exc, Object* o, Str* name);
// Null when the lookup finds nothing; an AttributeError raised on the way (a class's __getattr__,
// a property) passes through with its own message, as CPython's attribute access reports it.
Ref find_attr(Object* o, Str* name);
void set_attr(Object* o, Str* name, Object* value);
// set_attr of a built-in type without a setattr slot: its computed attributes are not writable
// (unless their descriptor says so), its methods are read-only, as CPython's generic setattr says.
void builtin_generic_setattr(Object* o, Str* name, Object* value);
void del_attr(Object* o, Str* name);
// Finds `name` along the type's mro (a new reference); null when absent. Answers from this
// thread's type attribute cache when it can.
Ref type_lookup(Type* t, Str* name);
// CPython's _PyObject_LookupSpecial: `name` found on o's type (never in o's own dict, and for a
// class, on its metaclass) and bound to o; null when absent. Special methods are looked up this way.
Ref special_method(Object* o, Str* name);
// Called on every change to a type's dict (objects/dict.cpp), after the change and before the
// replaced value is released: every thread's cache is stale.
void type_cache_invalidate();
// After anything that can change what an attribute lookup on t finds (its dict or mro): gives t and
// every class derived from it a new version tag, and invalidates the type attribute caches.
void type_modified(Type* t);
// Called as a class is freed, before its memory may be reused for another type: the type cache
// forgets every entry, and types_freed() moves on.
void type_freed();
// How many classes were freed so far. The interpreter's attribute caches remember it with the type
// address of an entry and read through that address only while it is unchanged (a version tag,
// which no two types ever share, is what they match lookups by).
uint32_t types_freed();
// t's version tag, assigned now if it has none; 0 once the tags are used up (then nothing caches).
uint32_t type_version(Type* t);
// The lookup used when a type has no getattr slot: `__class__`, then the type's mro, binding
// method descriptors to `o`. Types with their own getattr slot fall back to it. Null when missing.
Ref generic_getattr(Object* o, Str* name);

// Guards repr() of containers against cycles: `[...]`, `{...}`. entered() is false when `o` is
// already being repr'd further up this thread's stack.
class ReprGuard {
public:
    explicit ReprGuard(Object* o);
    ~ReprGuard();
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
    bool entered() const { return entered_; }

private:
    Object* o_;
    bool entered_;
};

// Converts an index-like object (int, bool) to int64; raises TypeError/IndexError/OverflowError.
int64_t as_index(Object* o);
// As as_index, with a value out of int64's range clamped to its nearest end (CPython's
// PyNumber_AsSsize_t(o, NULL)): round()'s ndigits, int()'s base.
int64_t as_index_clamped(Object* o);
// Argument Clinic's `int` converter: anything with __index__ that fits a C int, else CPython's
// "Python int too large to convert to C int".
int as_c_int(Object* o);
// As as_index, for a sequence subscript: too large an int is an IndexError there, as CPython's.
int64_t as_subscript_index(Object* o);
// CPython's PyNumber_Index for a key that is not an int: the int its class's __index__ returns, or
// null when the class has none. Raises TypeError when __index__ returns something else.
Ref index_value(Object* o);
// Whether `o` is an int or has __index__ (what a sequence's repetition count may be, as CPython's
// sq_repeat wrappers take any index).
bool is_index_like(Object* o);

// Binds vectorcall arguments to parameter names, for native functions that take keywords.
// out[i] receives a borrowed reference, or null if parameter i was not given. Raises CPython's
// TypeErrors for too many, missing (`required` first names: "f() missing required argument 'x'
// (pos 1)", Argument Clinic's words), duplicate or unexpected arguments.
void bind_args(const char* fname, Object* const* args, size_t nargs, Tuple* kwnames, const char* const* names,
               size_t n_names, size_t required, Object** out);

template <typename Fn>
void for_each_item(Object* iterable, Fn&& fn) {
    Type* t = type_of(iterable);
    if (t == &tuple_type) {
        Tuple* tuple = as_tuple(iterable);
        for (size_t i = 0; i < tuple->size; ++i) fn(tuple->items[i]);
        return;
    }
    if (t == &list_type) {
        // Re-reads the length each step: fn may change the list, as in CPython's list iterator.
        for (size_t i = 0;; ++i) {
            Ref item = list_get_opt(iterable, i);
            if (!item) return;
            fn(item.get());
        }
    }
    Ref it = get_iter(iterable);
    while (Ref item = iter_next(it.get())) fn(item.get());
}

}  // namespace minipy
