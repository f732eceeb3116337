// itertools_module.h — what the files of the native `itertools` module share: how an iterator pulls
// from the one it wraps, CPython 3.11's argument checks and texts, the locked fields of iterators
// that threads share, and each file's types. The module itself is made in itertools_module.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/object.h"

namespace minipy {

using ItertoolsArgs = Object* const*;

// The next item of the iterator `it`, or null at its end, as CPython's itertools take it by calling
// the iterator's tp_iternext itself: a StopIteration the iterator raises passes through with its
// value. The call counts a level against the recursion limit, since iterators wrapped in iterators
// recurse (chain(chain(...)) a million deep must raise RecursionError, not overflow the C stack).
// It does not serve the eval breaker, so under the GIL one step of an itertools object over a
// native input is as atomic as CPython's (the loops below serve it between items instead).
Ref pull(Object* it);
// The same with PyIter_Next's ending: a StopIteration raised on the way ends the iteration too.
Ref pull_plain(Object* it);
// Serves the eval breaker (Ctrl-C, signal handlers, the GIL hand-off, a due collection): called
// between items by the loops that may pull any number of them for one of their own (islice
// skipping, dropwhile dropping, chain passing empty inputs), which would otherwise run natively
// without end over an endless input, where CPython hangs.
void serve_eval_breaker();

// PyArg_UnpackTuple's checks of a constructor taking positional arguments only: "cycle expected 1
// argument, got 0", "islice expected at least 2 arguments, got 1"; and "cycle() takes no keyword
// arguments" unless `keywords_allowed`.
void check_unpacked(const char* name, size_t nargs, Tuple* kwnames, size_t min, size_t max,
                    bool keywords_allowed = false);
// Binds the arguments of a constructor that takes keywords (Argument Clinic's or
// PyArg_ParseTupleAndKeywords' parsing) as bind_args does, with their texts for too many: "count()
// takes at most 2 keyword arguments (3 given)" when none is positional, "accumulate() takes at most
// 2 positional arguments (3 given)" when only the first `max_positional` names may be positional.
void bind_keywords(const char* fname, ItertoolsArgs args, size_t nargs, Tuple* kwnames,
                   const char* const* names, size_t n_names, size_t max_positional, size_t required,
                   Object** out);
// Argument Clinic's Py_ssize_t converter: an int or an object with __index__; OverflowError "Python
// int too large to convert to C ssize_t" beyond int64's range.
int64_t ssize_arg(Object* o);
// PyLong_AsSsize_t, which __setstate__ methods use: an int only ("an integer is required").
int64_t state_ssize(Object* o);
// PyArg_ParseTuple's "i": a C int, with its overflow texts.
int int_arg(Object* o);
// A __setstate__ argument that must be a tuple of min..max items: "state is not a tuple", then
// PyArg_ParseTuple's "function takes exactly 2 arguments (3 given)".
Tuple* state_tuple(Object* state, size_t min, size_t max);
// "argument 1 must be list, not int": PyArg_ParseTuple's "O!" check of a state's item.
void check_state_item(Object* item, size_t position, Type* want, const char* want_name);
// The name count and repeat show in their repr: the class's __name__ ("count", a subclass's own).
std::string shown_type_name(Object* o);

// Owned fields of an iterator that threads may change while others read them (an exhausted chain
// drops its source, __setstate__ replaces a field): read and replaced only under the iterator's
// lock, each read a reference of the reader's own, so no thread frees what another still uses and
// a nested call of the same iterator from Python code finds the object consistent. The lock is
// never held while Python code runs.
inline Ref load_field(ObjectMutex& m, Object* const& field) {
    CriticalSection cs(m);
    return Ref::borrow(field);
}
// Replaces the field with `value` (borrowed, may be null); the old value is released once the lock
// is let go, since releasing it may run a __del__ that uses the iterator.
inline void store_field(ObjectMutex& m, Object*& field, Object* value) {
    Ref old;
    CriticalSection cs(m);
    old = Ref::steal(std::exchange(field, value ? newref(value) : nullptr));
}
// Replaces the field only while it still holds `expected`: an iterator done with a source drops it
// unless a nested call or another thread has already put another one there.
inline void store_field_if(ObjectMutex& m, Object*& field, Object* expected, Object* value) {
    Ref old;
    CriticalSection cs(m);
    if (field != expected) return;
    old = Ref::steal(std::exchange(field, value ? newref(value) : nullptr));
}
// (a, b), a new tuple.
inline Ref tuple_pair(Object* a, Object* b) {
    Object* items[2] = {a, b};
    return tuple_from(items, 2);
}

// Visits and releases fields for the traverse and clear slots.
inline void visit_field(Object* field, VisitProc visit, void* arg) {
    if (field) visit(field, arg);
}
inline void clear_field(Object*& field) { xdecref(std::exchange(field, nullptr)); }

// Fills in an itertools iterator type and makes it ready (init_type): `next` yields the items (null
// for a type that is no iterator), `construct` makes instances (of subclasses too, where
// `subclassable`), and `doc` is the type's docstring.
struct IteratorTypeSpec {
    const char* name;  // "itertools.chain"
    size_t size;
    DeallocSlot dealloc;
    TraverseSlot traverse;
    ClearSlot clear;
    NextSlot next;
    CallSlot construct;
    const MethodDef* methods;
    bool subclassable;
    const char* doc;
};
void init_itertools_type(Type& t, const IteratorTypeSpec& spec);

extern const char kReduceDoc[];
extern const char kSetStateDoc[];
extern const char kSizeofDoc[];

// Each file's types, made ready on first import and added to the module's dict.
void add_infinite_iterators(Dict* module);      // count, cycle, repeat (itertools_module.cpp)
void add_terminating_iterators(Dict* module);   // accumulate ... islice (itertools_terminating.cpp)
void add_zip_iterators(Dict* module);           // pairwise, zip_longest (itertools_zip.cpp)
void add_grouping_iterators(Dict* module);      // groupby, _grouper, tee's types (itertools_tee.cpp)
void add_combinatoric_iterators(Dict* module);  // product, permutations, ... (itertools_combinatoric.cpp)
// itertools.tee(iterable, n=2) (itertools_tee.cpp).
Ref itertools_tee(Object* self, ItertoolsArgs args, size_t nargs, Tuple* kwnames);

}  // namespace minipy
