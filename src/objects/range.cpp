// range.cpp — the lazy arithmetic sequence: O(1) len, indexing, slicing (to another range) and
// `in` for ints, and a fast iterator. Ranges beyond 64 bits take generic int paths (big_* below).
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/sequence.h"
#include "objects/str.h"

namespace minipy {

Type range_type;

namespace {

Range* as_range(Object* o) { return static_cast<Range*>(o); }

int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop)
        return static_cast<int64_t>((static_cast<uint64_t>(stop) - start - 1) / step + 1);
    if (step < 0 && start > stop)
        return static_cast<int64_t>(
            (static_cast<uint64_t>(start) - stop - 1) / (0 - static_cast<uint64_t>(step)) + 1);
    return 0;
}

// ---- ranges beyond 64 bits: (start, stop, step, length) as ints, in the `big` tuple ----

Object* big_part(Range* r, int i) { return as_tuple(r->big)->items[i]; }
Ref int_op(Object* a, Object* b, BinaryOp op) { return int_binary(a, b, op); }

Ref big_length(Object* start, Object* stop, Object* step) {
    Ref zero = int_from_i64(0), one = int_from_i64(1);
    bool up = int_compare(step, zero.get()) > 0;
    Object* lo = up ? start : stop;
    Object* hi = up ? stop : start;
    if (int_compare(lo, hi) >= 0) return zero;
    Ref span = int_op(int_op(hi, lo, BinaryOp::Sub).get(), one.get(), BinaryOp::Sub);
    Ref abs_step = up ? Ref::borrow(step) : int_op(zero.get(), step, BinaryOp::Sub);
    return int_op(int_op(span.get(), abs_step.get(), BinaryOp::FloorDiv).get(), one.get(), BinaryOp::Add);
}

Ref big_range_new(Object* start, Object* stop, Object* step) {
    Ref length = big_length(start, stop, step);
    Object* parts[] = {start, stop, step, length.get()};
    auto* r = new Range();
    init_header(r, &range_type);
    r->start = r->stop = r->step = r->length = 0;
    r->big = tuple_from(parts, 4).release();
    return Ref::steal(r);
}

// The value at position `index` (an int, possibly negative), or null when out of range.
Ref big_item(Range* r, Object* index) {
    Ref zero = int_from_i64(0);
    Object* length = big_part(r, 3);
    Ref i = int_compare(index, zero.get()) < 0 ? int_op(index, length, BinaryOp::Add) : Ref::borrow(index);
    if (int_compare(i.get(), zero.get()) < 0 || int_compare(i.get(), length) >= 0) return nullptr;
    return int_op(big_part(r, 0), int_op(i.get(), big_part(r, 2), BinaryOp::Mul).get(), BinaryOp::Add);
}

bool big_contains(Range* r, Object* v) {
    Ref offset = int_op(v, big_part(r, 0), BinaryOp::Sub);
    Ref rem = int_op(offset.get(), big_part(r, 2), BinaryOp::Mod);
    if (int_compare(rem.get(), int_from_i64(0).get()) != 0) return false;
    Ref index = int_op(offset.get(), big_part(r, 2), BinaryOp::FloorDiv);
    return int_compare(index.get(), int_from_i64(0).get()) >= 0 &&
           int_compare(index.get(), big_part(r, 3)) < 0;
}

// Iterates a big range with int objects.
struct BigRangeIter : Object {
    Object* next;       // owned
    Object* step;       // owned
    Object* remaining;  // owned
};
Type big_range_iter_type;

void big_range_iter_dealloc(Object* o) {
    auto* it = static_cast<BigRangeIter*>(o);
    decref(it->next);
    decref(it->step);
    decref(it->remaining);
    delete it;
}

Ref big_range_iter_next(Object* o) {
    auto* it = static_cast<BigRangeIter*>(o);
    Ref zero = int_from_i64(0), one = int_from_i64(1);
    if (int_compare(it->remaining, zero.get()) <= 0) return nullptr;
    Ref value = Ref::borrow(it->next);
    Ref after = int_op(it->next, it->step, BinaryOp::Add);
    Ref left = int_op(it->remaining, one.get(), BinaryOp::Sub);
    decref(it->next);
    decref(it->remaining);
    it->next = after.release();
    it->remaining = left.release();
    return value;
}

Ref big_range_iter(Range* r) {
    auto* it = new BigRangeIter();
    init_header(it, &big_range_iter_type);
    it->next = newref(big_part(r, 0));
    it->step = newref(big_part(r, 2));
    it->remaining = newref(big_part(r, 3));
    return Ref::steal(it);
}

void range_dealloc(Object* o) {
    xdecref(as_range(o)->big);
    delete as_range(o);
}
int64_t range_len(Object* o) {
    Range* r = as_range(o);
    if (r->big) raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    return r->length;
}
bool range_truthy(Object* o) {
    Range* r = as_range(o);
    return r->big ? is_true(big_part(r, 3)) : r->length != 0;
}

Ref range_repr(Object* o) {
    Range* r = as_range(o);
    if (r->big) {
        std::string text = repr_utf8(big_part(r, 0));
        text.insert(0, "range(");
        text.append(", ").append(repr_utf8(big_part(r, 1)));
        if (!(is_small_int(big_part(r, 2)) && small_int_value(big_part(r, 2)) == 1))
            text.append(", ").append(repr_utf8(big_part(r, 2)));
        text.push_back(')');
        return str_new(text);
    }
    if (r->step == 1) return str_new(format("range(%lld, %lld)", (long long)r->start, (long long)r->stop));
    return str_new(
        format("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step));
}

Ref range_getitem(Object* o, Object* key) {
    Range* r = as_range(o);
    if (r->big && is_int(key)) {
        Ref item = big_item(r, key);
        if (!item) raise(&IndexError_type, "range object index out of range");
        return item;
    }
    if (r->big) raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    if (is_int(key)) {
        int64_t value;  // an index past int64 is out of range here, as CPython says for ranges
        if (!int_to_i64(key, &value)) raise(&IndexError_type, "range object index out of range");
        int64_t i = sequence_index(key, r->length, "range object");
        return int_from_i64(r->start + i * r->step);
    }
    if (type_of(key) == &slice_type) {
        int64_t start, stop, step;
        int64_t n = slice_indices(static_cast<Slice*>(key), r->length, &start, &stop, &step);
        int64_t first = r->start + start * r->step;
        int64_t new_step = r->step * step;
        return range_new(first, first + n * new_step, new_step);
    }
    if (Ref i = index_value(key)) return range_getitem(o, i.get());
    raise(&TypeError_type,
          format("range indices must be integers or slices, not %s", type_of(key)->name.c_str()));
}

// The position of int value v in the range, or -1.
int64_t position_of(Range* r, Object* v) {
    int64_t x;
    if (!int_to_i64(v, &x) || r->length == 0) return -1;
    int64_t offset = x - r->start;
    if (offset % r->step != 0) return -1;
    int64_t i = offset / r->step;
    return i >= 0 && i < r->length ? i : -1;
}

bool range_contains(Object* o, Object* item) {
    if (as_range(o)->big && is_int(item)) return big_contains(as_range(o), item);
    if (as_range(o)->big) raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    if (is_int(item)) return position_of(as_range(o), item) >= 0;
    Range* r = as_range(o);
    for (int64_t i = 0; i < r->length; ++i) {
        Ref v = int_from_i64(r->start + i * r->step);
        if (equals(v.get(), item)) return true;
    }
    return false;
}

Ref range_iter(Object* o) {
    Range* r = as_range(o);
    if (r->big) return big_range_iter(r);
    return range_iter_new(r->start, r->step, r->length);
}

// Two ranges are equal when they produce the same values (CPython's range_equals).
bool same_values(Range* a, Range* b) {
    if (a->big || b->big) {
        if (!a->big || !b->big) return false;
        for (int i : {3, 0, 2})
            if (!equals(big_part(a, i), big_part(b, i))) return false;
        return true;
    }
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    return a->length == 1 || a->step == b->step;
}

Ref range_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &range_type || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Ref::borrow(NotImplemented);
    bool eq = same_values(as_range(a), as_range(b));
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? eq : !eq));
}

// Hashes (len, start, step) with the parts that do not affect the values set to None.
int64_t range_hash(Object* o) {
    Range* r = as_range(o);
    if (r->big) return hash(r->big);
    Ref len = int_from_i64(r->length);
    Ref start = r->length ? int_from_i64(r->start) : Ref::borrow(None);
    Ref step = r->length > 1 ? int_from_i64(r->step) : Ref::borrow(None);
    Object* items[] = {len.get(), start.get(), step.get()};
    Ref t = tuple_from(items, 3);
    return hash(t.get());
}

Ref range_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("range");
    if (nargs < 1 || nargs > 3) raise_arg_count("range", 1, 3, nargs);
    int64_t start = 0, stop, step = 1;
    for (size_t i = 0; i < nargs; ++i) {
        int64_t unused;
        if (is_int(args[i]) && !int_to_i64(args[i], &unused)) {
            Ref zero = int_from_i64(0), one = int_from_i64(1);
            Object* b_start = nargs == 1 ? zero.get() : args[0];
            Object* b_stop = nargs == 1 ? args[0] : args[1];
            Object* b_step = nargs == 3 ? args[2] : one.get();
            return big_range_new(b_start, b_stop, b_step);
        }
    }
    if (nargs == 1) {
        stop = as_index(args[0]);
    } else {
        start = as_index(args[0]);
        stop = as_index(args[1]);
        if (nargs == 3) step = as_index(args[2]);
    }
    if (step == 0) raise(&ValueError_type, "range() arg 3 must not be zero");
    return range_new(start, stop, step);
}

Ref range_getattr(Object* o, Str* name) {
    Range* r = as_range(o);
    if (r->big) {
        const char* names[] = {"start", "stop", "step"};
        for (int i = 0; i < 3; ++i)
            if (name->utf8 == names[i]) return Ref::borrow(big_part(r, i));
        return generic_getattr(o, name);
    }
    if (name->utf8 == "start") return int_from_i64(r->start);
    if (name->utf8 == "stop") return int_from_i64(r->stop);
    if (name->utf8 == "step") return int_from_i64(r->step);
    return generic_getattr(o, name);
}

Ref range_count(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("count");
    if (nargs != 2) raise_arg_count("count", 1, 1, nargs - 1);
    if (is_int(args[1])) return int_from_i64(position_of(as_range(args[0]), args[1]) >= 0);
    int64_t n = 0;
    Range* r = as_range(args[0]);
    for (int64_t i = 0; i < r->length; ++i) {
        Ref v = int_from_i64(r->start + i * r->step);
        n += equals(v.get(), args[1]);
    }
    return int_from_i64(n);
}

Ref range_index(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("index");
    if (nargs != 2) raise_arg_count("index", 1, 1, nargs - 1);
    int64_t i = is_int(args[1]) ? position_of(as_range(args[0]), args[1]) : -1;
    if (i < 0) raise(&ValueError_type, repr_utf8(args[1]) + " is not in range");
    return int_from_i64(i);
}

Ref range_reversed(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__reversed__");
    if (nargs != 1) raise_arg_count("__reversed__", 0, 0, nargs - 1);
    Range* r = as_range(args[0]);
    return range_iter_new(r->start + (r->length - 1) * r->step, -r->step, r->length);
}

// (range, (start, stop, step)), as CPython's: what pickles and copies a range.
Ref range_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__reduce__");
    if (nargs != 1) raise_arg_count("__reduce__", 0, 0, nargs - 1);
    Range* r = as_range(args[0]);
    Ref bounds = tuple_new(3);
    for (size_t i = 0; i < 3; ++i) {
        int64_t small[] = {r->start, r->stop, r->step};
        as_tuple(bounds.get())->items[i] =
            r->big ? newref(as_tuple(r->big)->items[i]) : int_from_i64(small[i]).release();
    }
    Object* items[] = {&range_type, bounds.get()};
    return tuple_from(items, 2);
}

const MethodDef range_methods[] = {
    {"__reduce__", range_reduce, "Helper for pickle."},
    {"count", range_count, "Return number of occurrences of value."},
    {"index", range_index, "Return index of value."},
    {"__reversed__", range_reversed, "Return a reverse iterator."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref range_new(int64_t start, int64_t stop, int64_t step) {
    auto* r = new Range();
    init_header(r, &range_type);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_length(start, stop, step);
    return Ref::steal(r);
}

void init_range_type() {
    Type& t = range_type;
    t.name = "range";
    t.instance_size = sizeof(Range);
    t.dealloc = range_dealloc;
    t.repr = range_repr;
    t.hash = range_hash;
    t.compare = range_compare;
    t.len = range_len;
    t.truthy = range_truthy;
    t.getitem = range_getitem;
    t.contains = range_contains;
    t.iter = range_iter;
    t.construct = range_construct;
    t.getattr = range_getattr;
    t.methods = range_methods;
    init_type(&t);
    init_iterator_type(big_range_iter_type, "longrange_iterator", sizeof(BigRangeIter),
                       big_range_iter_dealloc, big_range_iter_next);
}

}  // namespace minipy
