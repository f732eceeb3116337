// sequence.h — helpers shared by list, tuple and range (internal to src/objects): index
// normalisation with CPython's errors, and lexicographic comparison of two sequences.
#pragma once

#include "objects/abstract.h"
#include "objects/errors.h"

namespace minipy {

// Resolves a possibly negative index against `size`; raises IndexError("<what> index out of
// range") when outside.
inline int64_t sequence_index(Object* key, int64_t size, const char* what) {
    int64_t i = as_subscript_index(key);
    if (i < 0) i += size;
    if (i < 0 || i >= size) raise_object(index_out_of_range(what));
    return i;
}

[[noreturn]] inline void raise_bad_index_type(const char* what, Object* key) {
    raise(&TypeError_type,
          format("%s indices must be integers or slices, not %s", what, type_of(key)->name.c_str()));
}

// `a op b` for two numbers of one C++ type: sizes, small ints, floats (whose C++ comparisons are
// Python's, NaN included: only != holds).
template <typename T>
MINIPY_ALWAYS_INLINE bool compare_values(T a, T b, CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return a < b;
        case CompareOp::Le:
            return a <= b;
        case CompareOp::Eq:
            return a == b;
        case CompareOp::Ne:
            return a != b;
        case CompareOp::Gt:
            return a > b;
        case CompareOp::Ge:
            return a >= b;
    }
    return false;
}

// Lexicographic comparison as CPython's list/tuple richcompare: find the first pair that is not
// equal, then compare that pair with `op` (or the lengths if one sequence ran out). `get(seq, i)`
// returns a new reference or null past the end and `size(seq)` the current length, so a list
// changed by a user's __eq__ stays safe.
template <typename Get, typename Size>
Ref sequence_compare(Object* a, Object* b, CompareOp op, Get get, Size size) {
    if (size(a) != size(b) && (op == CompareOp::Eq || op == CompareOp::Ne))
        return Ref::borrow(bool_obj(op == CompareOp::Ne));
    for (size_t i = 0;; ++i) {
        Ref x = get(a, i), y = get(b, i);
        if (!x || !y) break;
        if (x.get() == y.get() || equals(x.get(), y.get())) continue;
        // The __eq__ that said no may have shortened either list: past the end now, the sizes
        // decide, as CPython checks after its search.
        if (static_cast<int64_t>(i) >= size(a) || static_cast<int64_t>(i) >= size(b)) break;
        if (op == CompareOp::Eq) return Ref::borrow(False);
        if (op == CompareOp::Ne) return Ref::borrow(True);
        return compare(x.get(), y.get(), op);
    }
    return Ref::borrow(bool_obj(compare_values(size(a), size(b), op)));
}

}  // namespace minipy
