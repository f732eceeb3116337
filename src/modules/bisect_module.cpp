// bisect_module.cpp — the native `_bisect` that bisect.py takes its functions from when it exists
// (`from _bisect import *`), with CPython 3.11's signatures: (a, x, lo=0, hi=None, *, key=None).
// Each probe is one `a[mid]` and one `<` comparison, so any sequence and any ordering work.
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// The bound arguments of every function here.
struct Search {
    Object* a;
    Object* x;
    int64_t lo;
    int64_t hi;
    Object* key;  // null: compare the items themselves
};

Search bind_search(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"a", "x", "lo", "hi", "key"};
    Object* v[5] = {};
    if (nargs > 4)  // key is keyword-only; CPython's argument clinic words it so
        raise(&TypeError_type, format("%s() takes at most 4 positional arguments (%zu given)", fname, nargs));
    bind_args(fname, args, nargs, kw, kNames, 5, 2, v);
    Search s{v[0], v[1], v[2] ? as_index(v[2]) : 0, -1, v[4] && v[4] != None ? v[4] : nullptr};
    if (s.lo < 0) raise(&ValueError_type, "lo must be non-negative");
    // hi=None and hi=-1 both mean len(a), as in CPython's argument clinic.
    if (v[3] && v[3] != None) s.hi = as_index(v[3]);
    if (s.hi == -1) s.hi = length(s.a);
    return s;
}

// The insertion point for `x` among a[lo:hi]: after equal items (right) or before them (left).
int64_t search(const Search& s, Object* x, bool right) {
    int64_t lo = s.lo, hi = s.hi;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        Ref index = int_from_i64(mid);
        Ref item = get_item(s.a, index.get());
        if (s.key) item = call1(s.key, item.get());
        bool go_left =
            right ? compare_bool(x, item.get(), CompareOp::Lt) : !compare_bool(item.get(), x, CompareOp::Lt);
        if (go_left)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

Ref bisect(const char* fname, bool right, Args args, size_t nargs, Tuple* kw) {
    Search s = bind_search(fname, args, nargs, kw);
    return int_from_i64(search(s, s.x, right));
}

// insort: finds the place of key(x) (or x) and inserts x there: list.insert for a list, else the
// sequence's own insert method.
Ref insort(const char* fname, bool right, Args args, size_t nargs, Tuple* kw) {
    Search s = bind_search(fname, args, nargs, kw);
    Ref probe = s.key ? call1(s.key, s.x) : Ref::borrow(s.x);
    Ref index = int_from_i64(search(s, probe.get(), right));
    Ref insert = get_attr(s.a, intern("insert"));
    Object* call_args[2] = {index.get(), s.x};
    call(insert.get(), call_args, 2);
    return Ref::borrow(None);
}

Ref bisect_right(Object*, Args args, size_t nargs, Tuple* kw) {
    return bisect("bisect_right", true, args, nargs, kw);
}
Ref bisect_left(Object*, Args args, size_t nargs, Tuple* kw) {
    return bisect("bisect_left", false, args, nargs, kw);
}
Ref insort_right(Object*, Args args, size_t nargs, Tuple* kw) {
    return insort("insort_right", true, args, nargs, kw);
}
Ref insort_left(Object*, Args args, size_t nargs, Tuple* kw) {
    return insort("insort_left", false, args, nargs, kw);
}

const MethodDef kBisectFunctions[] = {
    {"bisect_right", bisect_right,
     "Return the index where to insert item x in list a, assuming a is sorted (after any equal items)."},
    {"bisect_left", bisect_left,
     "Return the index where to insert item x in list a, assuming a is sorted (before any equal items)."},
    {"insort_right", insort_right, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {"insort_left", insort_left, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_bisect_module() { return native_module_new("_bisect", kBisectFunctions); }

}  // namespace minipy
