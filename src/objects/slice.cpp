// slice.cpp — slice objects (`a[1:10:2]`) and the index arithmetic every sequence shares:
// slice_indices clamps start/stop to the sequence as CPython's PySlice_AdjustIndices does.
#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type slice_type;

namespace {

Slice* as_slice(Object* o) { return static_cast<Slice*>(o); }

// One freed slice kept per thread for the next `a[i:j]` (CPython 3.11's slice_cache). Kept only
// while no other thread can read objects without a lock (minipy-ft before its first thread): such
// a reader may still hold a pointer to a freed object, which QSBR keeps from being reused.
// bench/pyperf/fannkuch.py (N=8, callgrind): each slice cost a malloc and a free, 14% of the program
// with the bounds' conversions.
thread_local Slice* tl_free_slice = nullptr;

void slice_dealloc(Object* o) {
    Slice* s = as_slice(o);
    decref(s->start);
    decref(s->stop);
    decref(s->step);
    if (!tl_free_slice && !object_locks_on()) {
        tl_free_slice = s;
        return;
    }
    delete s;
}

Ref slice_repr(Object* o) {
    Slice* s = as_slice(o);
    return str_new("slice(" + repr_utf8(s->start) + ", " + repr_utf8(s->stop) + ", " + repr_utf8(s->step) +
                   ")");
}

Ref as_tuple3(Slice* s) {
    Object* items[] = {s->start, s->stop, s->step};
    return tuple_from(items, 3);
}

Ref slice_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &slice_type) return Ref::borrow(NotImplemented);
    Ref x = as_tuple3(as_slice(a)), y = as_tuple3(as_slice(b));
    return compare(x.get(), y.get(), op);
}

Ref slice_getattr(Object* o, Str* name) {
    Slice* s = as_slice(o);
    if (name->utf8 == "start") return Ref::borrow(s->start);
    if (name->utf8 == "stop") return Ref::borrow(s->stop);
    if (name->utf8 == "step") return Ref::borrow(s->step);
    return generic_getattr(o, name);
}

Ref slice_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("slice");
    if (nargs < 1 || nargs > 3) raise_arg_count("slice", 1, 3, nargs);
    if (nargs == 1) return slice_new(None, args[0], None);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : None);
}

Ref slice_indices_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("indices");
    if (nargs != 2) raise_arg_count("indices", 1, 1, nargs - 1);
    Ref length = is_int(args[1]) ? int_exact(args[1]) : index_value(args[1]);
    if (!length) raise_not_an_integer(args[1]);
    if (int_compare(length.get(), make_small_int(0)) < 0)
        raise(&ValueError_type, "length should not be negative");
    return slice_indices_ints(as_slice(args[0]), length.get());
}

// slice.__reduce__(): (slice, (start, stop, step)), so a slice pickles and copies as in CPython.
Ref slice_reduce_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Slice* s = as_slice(args[0]);
    Object* parts[3] = {s->start, s->stop, s->step};
    Ref state = tuple_from(parts, 3);
    Object* pair[2] = {type_of(args[0]), state.get()};
    return tuple_from(pair, 2);
}

const MethodDef slice_methods[] = {
    {"indices", slice_indices_method, "Return (start, stop, stride) for a sequence of length len."},
    {"__reduce__", slice_reduce_method, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref slice_new(Object* start, Object* stop, Object* step) {
    Slice* s = std::exchange(tl_free_slice, nullptr);
    if (!s) s = new Slice();
    init_header(s, &slice_type);
    s->start = newref(start);
    s->stop = newref(stop);
    s->step = newref(step);
    return Ref::steal(s);
}

int64_t slice_bound(Object* o) {
    if (is_small_int(o)) return small_int_value(o);
    if (!is_int(o)) {
        if (Ref index = special_method(o, intern("__index__"))) {
            Ref v = call0(index.get());
            if (is_int(v.get())) return slice_bound(v.get());
        }
        raise(&TypeError_type, "slice indices must be integers or None or have an __index__ method");
    }
    int64_t v;
    if (int_to_i64(o, &v)) return v;
    return int_compare(o, make_small_int(0)) < 0 ? INT64_MIN + 1 : INT64_MAX;
}

int64_t slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step) {
    *step = s->step == None ? 1 : slice_bound(s->step);
    if (*step == 0) raise(&ValueError_type, "slice step cannot be zero");
    bool backwards = *step < 0;
    int64_t lower = backwards ? -1 : 0;
    int64_t upper = backwards ? length - 1 : length;
    auto adjust = [&](Object* bound, int64_t fallback) {
        if (bound == None) return fallback;
        int64_t v = slice_bound(bound);
        if (v < 0) {
            v += length;
            return v < lower ? lower : v;
        }
        return v > upper ? upper : v;
    };
    *start = adjust(s->start, backwards ? upper : lower);
    *stop = adjust(s->stop, backwards ? lower : upper);
    if (backwards) return *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
}

namespace {

// A bound as an int or None, its __index__ called now; the type error is bound_value's.
Ref int_bound(Object* bound) {
    if (bound == None || is_exact_int(bound)) return Ref::borrow(bound);
    if (is_int(bound)) return int_exact(bound);
    if (Ref index = special_method(bound, intern("__index__"))) {
        Ref v = call0(index.get());
        if (is_int(v.get())) return v;
    }
    raise(&TypeError_type, "slice indices must be integers or None or have an __index__ method");
}

}  // namespace

Ref slice_indices_ints(Slice* s, Object* length) {
    Object* zero = make_small_int(0);
    Ref step = s->step == None ? Ref::borrow(make_small_int(1)) : int_bound(s->step);
    int sign = int_compare(step.get(), zero);
    if (sign == 0) raise(&ValueError_type, "slice step cannot be zero");
    bool backwards = sign < 0;
    Ref lower = Ref::borrow(make_small_int(backwards ? -1 : 0));
    Ref upper = backwards ? int_binary(length, lower.get(), BinaryOp::Add) : Ref::borrow(length);
    auto adjust = [&](Object* bound, const Ref& fallback) {
        if (bound == None) return fallback;
        Ref v = int_bound(bound);
        if (int_compare(v.get(), zero) < 0) {
            v = int_binary(v.get(), length, BinaryOp::Add);
            return int_compare(v.get(), lower.get()) < 0 ? lower : v;
        }
        return int_compare(v.get(), upper.get()) > 0 ? upper : v;
    };
    Ref start = adjust(s->start, backwards ? upper : lower);
    Ref stop = adjust(s->stop, backwards ? lower : upper);
    Object* items[] = {start.get(), stop.get(), step.get()};
    return tuple_from(items, 3);
}

Ref slice_with_int_bounds(Slice* s) {
    if ((s->start == None || is_int(s->start)) && (s->stop == None || is_int(s->stop)) &&
        (s->step == None || is_int(s->step)))
        return Ref::borrow(s);
    Ref start = int_bound(s->start), stop = int_bound(s->stop), step = int_bound(s->step);
    return slice_new(start.get(), stop.get(), step.get());
}

void init_slice_type() {
    Type& t = slice_type;
    t.name = "slice";
    t.instance_size = sizeof(Slice);
    t.dealloc = slice_dealloc;
    t.repr = slice_repr;
    t.hash = hash_not_implemented;
    t.compare = slice_compare;
    t.construct = slice_construct;
    t.getattr = slice_getattr;
    t.methods = slice_methods;
    init_type(&t);
    add_attribute_descriptors(&t, {"start", "stop", "step"}, true);
}

}  // namespace minipy
