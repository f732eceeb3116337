// range.cpp — the lazy arithmetic sequence: O(1) len, indexing, slicing (to another range) and
// `in` for ints, and a fast iterator. Ranges beyond 64 bits take generic int paths (big_* below).
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/sequence.h"
#include "objects/str.h"

namespace minipy {

Type range_type;

namespace {

Range* as_range(Object* o) { return static_cast<Range*>(o); }

// The length of range(start, stop, step) when it fits int64 (false when it does not).
bool range_length(int64_t start, int64_t stop, int64_t step, int64_t* out) {
    uint64_t n = 0;
    if (step > 0 && start < stop) n = (static_cast<uint64_t>(stop) - start - 1) / step + 1;
    if (step < 0 && start > stop)
        n = (static_cast<uint64_t>(start) - stop - 1) / (0 - static_cast<uint64_t>(step)) + 1;
    *out = static_cast<int64_t>(n);
    return n <= static_cast<uint64_t>(INT64_MAX);
}

// ---- ranges beyond 64 bits: (start, stop, step, length) as ints, in the `big` tuple ----

Object* big_part(Range* r, int i) { return as_tuple(r->big)->items[i]; }
Ref int_op(Object* a, Object* b, BinaryOp op) { return int_binary(a, b, op); }
Ref add(Object* a, Object* b) { return int_op(a, b, BinaryOp::Add); }
Ref mul(Object* a, Object* b) { return int_op(a, b, BinaryOp::Mul); }
bool is_negative(Object* i) { return int_compare(i, make_small_int(0)) < 0; }

// Start, stop, step or length (i = 0..3) of either kind of range, as an int.
Ref range_part(Range* r, int i) {
    if (r->big) return Ref::borrow(big_part(r, i));
    int64_t parts[] = {r->start, r->stop, r->step, r->length};
    return int_from_i64(parts[i]);
}

Ref big_length(Object* start, Object* stop, Object* step) {
    Ref zero = int_from_i64(0), one = int_from_i64(1);
    bool up = int_compare(step, zero.get()) > 0;
    Object* lo = up ? start : stop;
    Object* hi = up ? stop : start;
    if (int_compare(lo, hi) >= 0) return zero;
    Ref span = int_op(int_op(hi, lo, BinaryOp::Sub).get(), one.get(), BinaryOp::Sub);
    Ref abs_step = up ? Ref::borrow(step) : int_op(zero.get(), step, BinaryOp::Sub);
    return add(int_op(span.get(), abs_step.get(), BinaryOp::FloorDiv).get(), one.get());
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

// A range of the int bounds `start`, `stop`, `step`: the int64 kind when they and the length fit.
Ref range_from_ints(Object* start, Object* stop, Object* step) {
    int64_t a, b, c;
    if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c)) return range_new(a, b, c);
    return big_range_new(start, stop, step);
}

// The value at position `index` (an int, possibly negative), or null when out of range.
Ref big_item(Range* r, Object* index) {
    Object* length = big_part(r, 3);
    Ref i = is_negative(index) ? add(index, length) : Ref::borrow(index);
    if (is_negative(i.get()) || int_compare(i.get(), length) >= 0) return nullptr;
    return add(big_part(r, 0), mul(i.get(), big_part(r, 2)).get());
}

// The position of the int `v` in a big range, or null when it is not there.
Ref big_position(Range* r, Object* v) {
    Ref offset = int_op(v, big_part(r, 0), BinaryOp::Sub);
    Ref rem = int_op(offset.get(), big_part(r, 2), BinaryOp::Mod);
    if (int_compare(rem.get(), make_small_int(0)) != 0) return nullptr;
    Ref index = int_op(offset.get(), big_part(r, 2), BinaryOp::FloorDiv);
    if (is_negative(index.get()) || int_compare(index.get(), big_part(r, 3)) >= 0) return nullptr;
    return index;
}

// Iterates a big range with int objects.
struct BigRangeIter : Object {
    Object* next;       // owned
    Object* step;       // owned
    Object* remaining;  // owned
    Object* start;      // owned: the first item and the count, which __reduce__ and __setstate__ use
    Object* length;     // owned
};
Type big_range_iter_type;

void big_range_iter_dealloc(Object* o) {
    auto* it = static_cast<BigRangeIter*>(o);
    for (Object* field : {it->next, it->step, it->remaining, it->start, it->length}) decref(field);
    delete it;
}

Ref big_range_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__length_hint__", nargs - 1, kw, 0, 0);
    return Ref::borrow(static_cast<BigRangeIter*>(args[0])->remaining);
}

// (iter, (range(start, start + length * step, step),), items produced so far), as CPython's
// longrangeiter_reduce.
Ref big_range_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional("longrange_iterator", "__reduce__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<BigRangeIter*>(args[0]);
    Ref span = int_op(it->length, it->step, BinaryOp::Mul);
    Ref stop = int_op(it->start, span.get(), BinaryOp::Add);
    Object* range_args[] = {it->start, stop.get(), it->step};
    Ref range = call(&range_type, range_args, 3);
    Ref done = int_op(it->length, it->remaining, BinaryOp::Sub);
    Object* inner[] = {range.get()};
    Ref arg_tuple = tuple_from(inner, 1);
    Object* items[] = {builtin_iter(), arg_tuple.get(), done.get()};
    return tuple_from(items, 3);
}

// __setstate__(index): index clamped to [0, length].
Ref big_range_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional("longrange_iterator", "__setstate__", nargs - 1, kw, 1, 1);
    auto* it = static_cast<BigRangeIter*>(args[0]);
    // Compared and computed as numbers, whatever they are (CPython's longrangeiter_setstate).
    Ref index = Ref::borrow(args[1]);
    if (is_true(compare(index.get(), make_small_int(0), CompareOp::Lt).get()))
        index = int_from_i64(0);
    else if (is_true(compare(index.get(), it->length, CompareOp::Gt).get()))
        index = Ref::borrow(it->length);
    Ref offset = binary_op(index.get(), it->step, BinaryOp::Mul);
    Ref next = binary_op(it->start, offset.get(), BinaryOp::Add);
    Ref left = binary_op(it->length, index.get(), BinaryOp::Sub);
    xdecref(std::exchange(it->next, next.release()));
    xdecref(std::exchange(it->remaining, left.release()));
    return Ref::borrow(None);
}

const MethodDef kBigRangeIterMethods[] = {
    {"__length_hint__", big_range_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", big_range_iter_reduce, "Return state information for pickling."},
    {"__setstate__", big_range_iter_setstate, "Set state information for unpickling."},
    {nullptr, nullptr, nullptr}};

Ref big_range_iter_next(Object* o) {
    auto* it = static_cast<BigRangeIter*>(o);
    Ref zero = int_from_i64(0), one = int_from_i64(1);
    if (int_compare(it->remaining, zero.get()) <= 0) return nullptr;
    Ref value = Ref::borrow(it->next);
    Ref after = add(it->next, it->step);
    Ref left = int_op(it->remaining, one.get(), BinaryOp::Sub);
    decref(it->next);
    decref(it->remaining);
    it->next = after.release();
    it->remaining = left.release();
    return value;
}

Ref big_range_iter_new(Object* first, Object* step, Object* length) {
    auto* it = new BigRangeIter();
    init_header(it, &big_range_iter_type);
    it->next = newref(first);
    it->step = newref(step);
    it->remaining = newref(length);
    it->start = newref(first);
    it->length = newref(length);
    return Ref::steal(it);
}

void range_dealloc(Object* o) {
    xdecref(as_range(o)->big);
    delete as_range(o);
}
int64_t range_len(Object* o) {
    Range* r = as_range(o);
    int64_t n;
    if (r->big && !int_to_i64(big_part(r, 3), &n))
        raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    return r->big ? n : r->length;
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

// r[s]: the range of the items the slice picks, its bounds the items at the slice's clamped start
// and stop, as CPython's compute_slice: range(0, 10, 3)[::-1] is range(9, -3, -3). Machine words
// when the range, the slice's bounds and the results fit, else ints.
Ref range_slice(Range* r, Slice* s) {
    auto plain = [](Object* b) { return b == None || is_small_int(b); };
    if (!r->big && plain(s->start) && plain(s->stop) && plain(s->step)) {
        int64_t start, stop, step, a, b, c;
        slice_indices(s, r->length, &start, &stop, &step);
        if (!__builtin_mul_overflow(start, r->step, &a) && !__builtin_add_overflow(a, r->start, &a) &&
            !__builtin_mul_overflow(stop, r->step, &b) && !__builtin_add_overflow(b, r->start, &b) &&
            !__builtin_mul_overflow(step, r->step, &c))
            return range_new(a, b, c);
    }
    Ref length = range_part(r, 3), first = range_part(r, 0), step = range_part(r, 2);
    Ref bounds = slice_indices_ints(s, length.get());
    Object* const* b = as_tuple(bounds.get())->items;
    Ref new_start = add(first.get(), mul(b[0], step.get()).get());
    Ref new_stop = add(first.get(), mul(b[1], step.get()).get());
    Ref new_step = mul(b[2], step.get());
    return range_from_ints(new_start.get(), new_stop.get(), new_step.get());
}

Ref range_getitem(Object* o, Object* key) {
    Range* r = as_range(o);
    if (r->big && is_int(key)) {
        Ref item = big_item(r, key);
        if (!item) raise(&IndexError_type, "range object index out of range");
        return item;
    }
    if (is_int(key)) {
        int64_t value;  // an index past int64 is out of range here, as CPython says for ranges
        if (!int_to_i64(key, &value)) raise(&IndexError_type, "range object index out of range");
        int64_t i = sequence_index(key, r->length, "range object");
        return int_from_i64(r->start + i * r->step);
    }
    if (type_of(key) == &slice_type) return range_slice(r, static_cast<Slice*>(key));
    if (Ref i = index_value(key)) return range_getitem(o, i.get());
    raise(&TypeError_type,
          format("range indices must be integers or slices, not %s", type_of(key)->name.c_str()));
}

// The position of the int `v` in the range, or null.
Ref position_of(Range* r, Object* v) {
    if (r->big) return big_position(r, v);
    int64_t x;
    if (!int_to_i64(v, &x) || r->length == 0) return nullptr;
    // In uint64, as x - start may not fit int64; the step divides it only when v is in the range.
    uint64_t offset = static_cast<uint64_t>(x) - static_cast<uint64_t>(r->start);
    uint64_t i;
    if (r->step > 0) {
        if (x < r->start || offset % static_cast<uint64_t>(r->step)) return nullptr;
        i = offset / static_cast<uint64_t>(r->step);
    } else {
        uint64_t back = 0 - offset, size = 0 - static_cast<uint64_t>(r->step);
        if (x > r->start || back % size) return nullptr;
        i = back / size;
    }
    return i < static_cast<uint64_t>(r->length) ? int_from_i64(static_cast<int64_t>(i)) : nullptr;
}

// An int or bool is looked up by arithmetic; anything else (a float, an int subclass) is compared
// with each item in turn, as CPython's _PySequence_IterSearch.
bool by_arithmetic(Object* v) { return is_exact_int(v) || type_of(v) == &bool_type; }

// Walks the range comparing each item with `v`: the number of matches, or with `first` the
// position of the first one (-1 when none).
int64_t search_items(Object* range, Object* v, bool first) {
    Ref it = get_iter(range);
    int64_t n = 0, i = 0;
    for (; Ref item = iter_next(it.get()); ++i) {
        if (!equals(item.get(), v)) continue;
        if (first) return i;
        ++n;
    }
    return first ? -1 : n;
}

bool range_contains(Object* o, Object* item) {
    if (by_arithmetic(item)) return static_cast<bool>(position_of(as_range(o), item));
    return search_items(o, item, true) >= 0;
}

Ref range_iter(Object* o) {
    Range* r = as_range(o);
    if (r->big) return big_range_iter_new(big_part(r, 0), big_part(r, 2), big_part(r, 3));
    // As CPython's range_iter: a range whose stop lies within a step of int64's end iterates as a
    // longrange_iterator (so iterators keep their type through a pickle round trip).
    bool near_end = r->length > 0 && (r->step > 0 ? r->stop > INT64_MAX - (r->step - 1)
                                                  : r->stop < INT64_MIN + (-1 - r->step));
    if (near_end) {
        Ref start = int_from_i64(r->start), step = int_from_i64(r->step), length = int_from_i64(r->length);
        return big_range_iter_new(start.get(), step.get(), length.get());
    }
    return range_iter_new(r->start, r->step, r->length);
}

// Two ranges are equal when they produce the same values (CPython's range_equals): the same
// length, and unless empty the same start, and unless of one item the same step.
bool same_values(Range* a, Range* b) {
    if (!a->big && !b->big) {
        if (a->length != b->length) return false;
        if (a->length == 0) return true;
        if (a->start != b->start) return false;
        return a->length == 1 || a->step == b->step;
    }
    Ref len = range_part(a, 3);
    if (!equals(len.get(), range_part(b, 3).get())) return false;
    if (!is_true(len.get())) return true;
    if (!equals(range_part(a, 0).get(), range_part(b, 0).get())) return false;
    return equals(len.get(), make_small_int(1)) || equals(range_part(a, 2).get(), range_part(b, 2).get());
}

Ref range_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &range_type || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Ref::borrow(NotImplemented);
    bool eq = same_values(as_range(a), as_range(b));
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? eq : !eq));
}

// Hashes (len, start, step) with the parts that do not affect the values set to None, so equal
// ranges hash alike.
int64_t range_hash(Object* o) {
    Range* r = as_range(o);
    Ref len = range_part(r, 3);
    bool empty = !is_true(len.get()), single = equals(len.get(), make_small_int(1));
    Ref start = empty ? Ref::borrow(None) : range_part(r, 0);
    Ref step = empty || single ? Ref::borrow(None) : range_part(r, 2);
    Object* items[] = {len.get(), start.get(), step.get()};
    Ref t = tuple_from(items, 3);
    return hash(t.get());
}

// An argument of range(): an int, or what its class's __index__ returns.
Ref range_argument(Object* o) {
    if (is_int(o)) return int_exact(o);
    if (Ref v = index_value(o)) return v;
    raise_not_an_integer(o);
}

Ref range_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("range");
    if (nargs < 1 || nargs > 3) raise_arg_count("range", 1, 3, nargs);
    if (nargs == 1 && is_small_int(args[0])) return range_new(0, small_int_value(args[0]), 1);
    Ref start = nargs == 1 ? int_from_i64(0) : range_argument(args[0]);
    Ref stop = range_argument(args[nargs == 1 ? 0 : 1]);
    Ref step = nargs == 3 ? range_argument(args[2]) : int_from_i64(1);
    if (int_compare(step.get(), make_small_int(0)) == 0)
        raise(&ValueError_type, "range() arg 3 must not be zero");
    return range_from_ints(start.get(), stop.get(), step.get());
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
    if (by_arithmetic(args[1])) return int_from_i64(position_of(as_range(args[0]), args[1]) ? 1 : 0);
    return int_from_i64(search_items(args[0], args[1], false));
}

Ref range_index(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("index");
    if (nargs != 2) raise_arg_count("index", 1, 1, nargs - 1);
    if (!by_arithmetic(args[1])) {
        int64_t i = search_items(args[0], args[1], true);
        if (i < 0) raise(&ValueError_type, "sequence.index(x): x not in sequence");
        return int_from_i64(i);
    }
    Ref i = position_of(as_range(args[0]), args[1]);
    if (!i) raise(&ValueError_type, repr_utf8(args[1]) + " is not in range");
    return i;
}

Ref range_reversed(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__reversed__");
    if (nargs != 1) raise_arg_count("__reversed__", 0, 0, nargs - 1);
    Range* r = as_range(args[0]);
    if (!r->big && r->step != INT64_MIN)
        return range_iter_new(r->start + (r->length - 1) * r->step, -r->step, r->length);
    Ref first = range_part(r, 0), step = range_part(r, 2), length = range_part(r, 3);
    Ref last =
        add(first.get(), mul(int_op(length.get(), make_small_int(1), BinaryOp::Sub).get(), step.get()).get());
    Ref back = int_op(make_small_int(0), step.get(), BinaryOp::Sub);
    return big_range_iter_new(last.get(), back.get(), length.get());
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
    int64_t length;
    if (!range_length(start, stop, step, &length)) {
        Ref a = int_from_i64(start), b = int_from_i64(stop), c = int_from_i64(step);
        return big_range_new(a.get(), b.get(), c.get());
    }
    auto* r = new Range();
    init_header(r, &range_type);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
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
    t.collection_flags = kTypeSequence;
    init_type(&t);
    add_attribute_descriptors(&t, {"start", "stop", "step"}, true);
    big_range_iter_type.methods = kBigRangeIterMethods;
    init_iterator_type(big_range_iter_type, "longrange_iterator", sizeof(BigRangeIter),
                       big_range_iter_dealloc, big_range_iter_next);
}

}  // namespace minipy
