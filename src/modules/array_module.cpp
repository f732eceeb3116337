// array_module.cpp — the native `array` module: array.array, a mutable sequence of one C type
// (typecodes bBuhHiIlLqQfd) stored as raw machine bytes, with CPython 3.11's methods, conversions
// and error texts. Each operation on an array's bytes is atomic, under its lock in minipy-ft.
#include <gmp.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type array_type, array_iterator_type;

constexpr const char kTypecodes[] = "bBuhHiIlLqQfd";

// The size of one item in bytes, as on x86-64 and arm64 Linux ('u' is a 4-byte wchar_t there).
int item_size(char code) {
    switch (code) {
        case 'b':
        case 'B':
            return 1;
        case 'h':
        case 'H':
            return 2;
        case 'i':
        case 'I':
        case 'f':
        case 'u':
            return 4;
        default:
            return 8;
    }
}

struct ArrayObject : Object {
    ObjectMutex mutex;  // guards `data`
    char code;
    size_t itemsize;
    std::string data;             // the items' bytes, in the machine's order
    std::atomic<int> exports{0};  // memoryviews of it not released: it may not change size
    size_t count() const { return data.size() / itemsize; }
};

// CPython's array refuses to change size while a memoryview of it is alive: BufferError unless the
// data keeps `new_bytes` bytes, its present size. Called under the lock, just before the change.
void check_resize(const ArrayObject* a, size_t new_bytes) {
    if (new_bytes != a->data.size() && a->exports.load(std::memory_order_relaxed) > 0)
        raise(&BufferError_type, "cannot resize an array that is exporting buffers");
}

ArrayObject* as_array(Object* o) { return static_cast<ArrayObject*>(o); }
bool is_array(Object* o) { return is_instance(o, &array_type); }

// ---- converting one item between Python and its bytes ----

Ref int_from_u64(uint64_t v) {
    if (v <= static_cast<uint64_t>(INT64_MAX)) return int_from_i64(static_cast<int64_t>(v));
    mpz_t big;
    mpz_init_set_ui(big, v);
    Ref r = int_from_mpz(big);
    mpz_clear(big);
    return r;
}

// The Python value of the item whose bytes start at `p`.
Ref decode_item(char code, const char* p) {
    auto load = [p](auto value) {
        std::memcpy(&value, p, sizeof value);
        return value;
    };
    switch (code) {
        case 'b':
            return int_from_i64(load(int8_t{}));
        case 'B':
            return int_from_i64(load(uint8_t{}));
        case 'h':
            return int_from_i64(load(int16_t{}));
        case 'H':
            return int_from_i64(load(uint16_t{}));
        case 'i':
            return int_from_i64(load(int32_t{}));
        case 'I':
            return int_from_i64(load(uint32_t{}));
        case 'l':
        case 'q':
            return int_from_i64(load(int64_t{}));
        case 'L':
        case 'Q':
            return int_from_u64(load(uint64_t{}));
        case 'f':
            return float_new(load(float{}));
        case 'd':
            return float_new(load(double{}));
        default: {
            uint32_t cp = load(uint32_t{});
            if (cp > 0x10ffff)
                raise(&ValueError_type, format("character U+%x is not in range [U+0000; U+10ffff]", cp));
            return str_from_codepoint(cp);
        }
    }
}

Ref integer_of(Object* v) {
    if (is_int(v)) return Ref::borrow(v);
    Ref i = index_value(v);
    if (!i) raise_not_an_integer(v);
    return i;
}

// The value of an int argument that must fit 64 signed bits; `too_large` is CPython's text for the
// converter the typecode uses ('l' or 'L' in PyArg_Parse).
int64_t signed_value(Object* v, const char* too_large) {
    Ref i = integer_of(v);
    int64_t x;
    if (!int_to_i64(i.get(), &x)) raise(&OverflowError_type, too_large);
    return x;
}

uint64_t unsigned_value(Object* v, const char* negative, const char* too_large) {
    Ref i = integer_of(v);
    int64_t x;
    if (int_to_i64(i.get(), &x)) {
        if (x < 0) raise(&OverflowError_type, negative);
        return static_cast<uint64_t>(x);
    }
    mpz_t big;
    mpz_init(big);
    int_to_mpz(i.get(), big);
    int sign = mpz_sgn(big);
    bool fits = mpz_fits_ulong_p(big);
    uint64_t u = fits ? mpz_get_ui(big) : 0;
    mpz_clear(big);
    if (sign < 0) raise(&OverflowError_type, negative);
    if (!fits) raise(&OverflowError_type, too_large);
    return u;
}

// CPython's range checks, with the C type named as PyArg_Parse's format codes name it.
void check_range(int64_t x, int64_t low, int64_t high, const char* c_type) {
    if (x < low) raise(&OverflowError_type, format("%s is less than minimum", c_type));
    if (x > high) raise(&OverflowError_type, format("%s is greater than maximum", c_type));
}

// Writes the bytes of `v` as an item of type `code` to `out`. Converting may run Python code
// (__index__, __float__), so it is done before the array's lock is taken.
void encode_item(char code, Object* v, char* out) {
    constexpr const char* kLong = "Python int too large to convert to C long";
    auto store = [out](auto value) { std::memcpy(out, &value, sizeof value); };
    switch (code) {
        case 'b': {
            // CPython reads 'b' items with the 'h' converter, then narrows: two sets of messages.
            int64_t x = signed_value(v, kLong);
            check_range(x, SHRT_MIN, SHRT_MAX, "signed short integer");
            check_range(x, SCHAR_MIN, SCHAR_MAX, "signed char");
            return store(static_cast<int8_t>(x));
        }
        case 'B': {
            int64_t x = signed_value(v, kLong);
            check_range(x, 0, UCHAR_MAX, "unsigned byte integer");
            return store(static_cast<uint8_t>(x));
        }
        case 'h': {
            int64_t x = signed_value(v, kLong);
            check_range(x, SHRT_MIN, SHRT_MAX, "signed short integer");
            return store(static_cast<int16_t>(x));
        }
        case 'H': {
            int64_t x = signed_value(v, kLong);
            check_range(x, INT_MIN, INT_MAX, "signed integer");
            check_range(x, 0, USHRT_MAX, "unsigned short");
            return store(static_cast<uint16_t>(x));
        }
        case 'i': {
            int64_t x = signed_value(v, kLong);
            check_range(x, INT_MIN, INT_MAX, "signed integer");
            return store(static_cast<int32_t>(x));
        }
        case 'I': {
            uint64_t u = unsigned_value(v, "can't convert negative value to unsigned int",
                                        "Python int too large to convert to C unsigned long");
            if (u > UINT_MAX) raise(&OverflowError_type, "unsigned int is greater than maximum");
            return store(static_cast<uint32_t>(u));
        }
        case 'l':
            return store(signed_value(v, kLong));
        case 'q':
            return store(signed_value(v, "int too big to convert"));
        case 'L':
            return store(unsigned_value(v, "can't convert negative value to unsigned int",
                                        "Python int too large to convert to C unsigned long"));
        case 'Q':
            return store(
                unsigned_value(v, "can't convert negative int to unsigned", "int too big to convert"));
        case 'f':
            return store(static_cast<float>(to_double(v)));
        case 'd':
            return store(to_double(v));
        default: {
            if (!is_instance(v, &str_type) || as_str(v)->length != 1)
                raise(&TypeError_type, "array item must be unicode character");
            const char* p = str_utf8_of(v).c_str();
            return store(utf8_decode(p));
        }
    }
}

// The bytes of `v` as one item of `a`.
std::string encoded(ArrayObject* a, Object* v) {
    std::string bytes(a->itemsize, '\0');
    encode_item(a->code, v, bytes.data());
    return bytes;
}

// ---- building arrays ----

Ref array_new(Type* t, char code, std::string data = {}) {
    auto* a = new_object_of<ArrayObject>(t);  // a GcHead for a subclass's instance (objects/gc.h)
    a->code = code;
    a->itemsize = item_size(code);
    a->data = std::move(data);
    return Ref::steal(a);
}

// A copy of the bytes, taken under the lock.
std::string snapshot(ArrayObject* a) {
    CriticalSection cs(a->mutex);
    return a->data;
}

// Item i, or null past the end (the array may shrink while a comparison runs).
Ref item_or_null(Object* o, size_t i) {
    ArrayObject* a = as_array(o);
    CriticalSection cs(a->mutex);
    if (i >= a->count()) return nullptr;
    return decode_item(a->code, a->data.data() + i * a->itemsize);
}

size_t array_count(Object* o) {
    CriticalSection cs(as_array(o)->mutex);
    return as_array(o)->count();
}

void append_bytes(ArrayObject* a, const std::string& bytes) {
    CriticalSection cs(a->mutex);
    check_resize(a, a->data.size() + bytes.size());
    a->data += bytes;
}

// Appends each item of an iterable, converted; items appended before an error stay, as in CPython.
void extend_from_iterable(ArrayObject* a, Object* iterable) {
    for_each_item(iterable, [a](Object* item) { append_bytes(a, encoded(a, item)); });
}

void extend_from_array(ArrayObject* a, Object* other) {
    if (as_array(other)->code != a->code) raise(&TypeError_type, "can only extend with array of same kind");
    append_bytes(a, snapshot(as_array(other)));
}

void append_unicode(ArrayObject* a, Object* text) {
    std::string bytes;
    const std::string& utf8 = str_utf8_of(text);
    for (const char* p = utf8.c_str(); p < utf8.c_str() + utf8.size();) {
        uint32_t cp = utf8_decode(p);
        bytes.append(reinterpret_cast<const char*>(&cp), sizeof cp);
    }
    append_bytes(a, bytes);
}

void append_raw_bytes(ArrayObject* a, Object* source) {
    std::string bytes = bytes_like_data(source);
    if (bytes.size() % a->itemsize) raise(&ValueError_type, "bytes length not a multiple of item size");
    append_bytes(a, bytes);
}

// array(typecode[, initializer]).
Ref array_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    if (t == &array_type && kw && kw->size) raise_no_kwargs("array.array");
    if (nargs < 1) raise(&TypeError_type, format("array() takes at least 1 argument (%zu given)", nargs));
    if (nargs > 2) raise(&TypeError_type, format("array() takes at most 2 arguments (%zu given)", nargs));
    Object* code_arg = args[0];
    if (!is_instance(code_arg, &str_type) || as_str(code_arg)->length != 1)
        raise(&TypeError_type, format("array() argument 1 must be a unicode character, not %s",
                                      type_of(code_arg)->name.c_str()));
    char code = str_utf8_of(code_arg)[0];
    if (as_str(code_arg)->utf8.size() != 1 || !std::strchr(kTypecodes, code))
        raise(&ValueError_type, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Ref result = array_new(t, code);
    ArrayObject* a = as_array(result.get());
    if (nargs < 2) return result;
    Object* init = args[1];
    if (is_instance(init, &str_type)) {
        if (code != 'u')
            raise(&TypeError_type,
                  format("cannot use a str to initialize an array with typecode '%c'", code));
        append_unicode(a, init);
    } else if (is_array(init) && code != 'u' && as_array(init)->code == 'u') {
        raise(&TypeError_type,
              format("cannot use a unicode array to initialize an array with typecode '%c'", code));
    } else if (is_array(init) && as_array(init)->code == code) {
        a->data = snapshot(as_array(init));
    } else if (is_bytes_like(init)) {
        append_raw_bytes(a, init);
    } else {
        extend_from_iterable(a, init);
    }
    return result;
}

// ---- slots ----

void array_dealloc(Object* o) {
    weakrefs_clear(o);
    delete_object_of(as_array(o));
}

Ref array_repr(Object* o) {
    ArrayObject* a = as_array(o);
    std::string name = type_of(o)->name;
    if (size_t dot = name.rfind('.'); dot != std::string::npos && !is_heap_type(type_of(o)))
        name = name.substr(dot + 1);
    if (array_count(o) == 0) return str_new(format("%s('%c')", name.c_str(), a->code));
    Ref contents;
    if (a->code == 'u') {
        std::string text;
        for (size_t i = 0; Ref item = item_or_null(o, i); ++i) text += str_utf8_of(item.get());
        contents = str_new(text);
    } else {
        contents = list_new();
        for (size_t i = 0; Ref item = item_or_null(o, i); ++i) list_append(contents.get(), item.get());
    }
    return str_new(format("%s('%c', %s)", name.c_str(), a->code, repr_utf8(contents.get()).c_str()));
}

int64_t array_len(Object* o) { return static_cast<int64_t>(array_count(o)); }

Ref array_compare(Object* a, Object* b, CompareOp op) {
    if (!is_array(a) || !is_array(b)) return Ref::borrow(NotImplemented);
    return sequence_compare(a, b, op, item_or_null, array_len);
}

// Resolves a slice, its bounds already ints (slice_with_int_bounds), against the array's current length.
struct SliceRange {
    int64_t start, step, length;
};
SliceRange resolve(Object* slice, size_t count) {
    int64_t start, stop, step;
    int64_t length =
        slice_indices(static_cast<Slice*>(slice), static_cast<int64_t>(count), &start, &stop, &step);
    return {start, step, length};
}

Ref array_getitem(Object* o, Object* key) {
    ArrayObject* a = as_array(o);
    if (type_of(key) == &slice_type) {
        Ref slice = slice_with_int_bounds(static_cast<Slice*>(key));
        CriticalSection cs(a->mutex);
        SliceRange r = resolve(slice.get(), a->count());
        std::string bytes;
        bytes.reserve(r.length * a->itemsize);
        for (int64_t i = 0, k = r.start; i < r.length; ++i, k += r.step)
            bytes.append(a->data, k * a->itemsize, a->itemsize);
        return array_new(&array_type, a->code, std::move(bytes));
    }
    if (!is_int(key) && !index_value(key)) raise(&TypeError_type, "array indices must be integers");
    CriticalSection cs(a->mutex);
    int64_t i = sequence_index(key, static_cast<int64_t>(a->count()), "array");
    return decode_item(a->code, a->data.data() + i * a->itemsize);
}

// a[slice] = other (an array of the same typecode) or del a[slice] (other null).
void assign_slice(ArrayObject* a, Object* slice, Object* other) {
    std::string incoming;
    if (other) {
        if (!is_array(other))
            raise(&TypeError_type,
                  format("can only assign array (not \"%s\") to array slice", type_of(other)->name.c_str()));
        if (as_array(other)->code != a->code)
            raise(&TypeError_type, "bad argument type for built-in operation");
        incoming = snapshot(as_array(other));  // a copy: `a[1:] = a` reads the array as it was
    }
    size_t size = a->itemsize, new_count = incoming.size() / size;
    Ref resolved = slice_with_int_bounds(static_cast<Slice*>(slice));
    CriticalSection cs(a->mutex);
    SliceRange r = resolve(resolved.get(), a->count());
    // CPython refuses any deletion (even of no items) and any assignment that changes the size.
    if ((new_count == 0 || static_cast<int64_t>(new_count) != r.length) &&
        a->exports.load(std::memory_order_relaxed) > 0)
        raise(&BufferError_type, "cannot resize an array that is exporting buffers");
    if (!other && r.length == 0) return;
    if (r.step == 1) {
        a->data.replace(r.start * size, r.length * size, incoming);
        return;
    }
    if (!other) {
        // Deleting an extended slice: keep the items not on it.
        std::string kept;
        int64_t first = r.step > 0 ? r.start : r.start + (r.length - 1) * r.step, step = std::abs(r.step);
        for (int64_t i = 0; i < static_cast<int64_t>(a->count()); ++i) {
            bool hit = i >= first && (i - first) % step == 0 && (i - first) / step < r.length;
            if (!hit) kept.append(a->data, i * size, size);
        }
        a->data.swap(kept);
        return;
    }
    if (static_cast<int64_t>(new_count) != r.length)
        raise(&ValueError_type, format("attempt to assign array of size %zu to extended slice of size %lld",
                                       new_count, static_cast<long long>(r.length)));
    for (int64_t i = 0, k = r.start; i < r.length; ++i, k += r.step)
        a->data.replace(k * size, size, incoming, i * size, size);
}

void array_setitem(Object* o, Object* key, Object* value) {
    ArrayObject* a = as_array(o);
    if (type_of(key) == &slice_type) return assign_slice(a, key, value);
    if (!is_int(key) && !index_value(key)) raise(&TypeError_type, "array indices must be integers");
    std::string bytes = value ? encoded(a, value) : std::string();
    CriticalSection cs(a->mutex);
    int64_t i = sequence_index(key, static_cast<int64_t>(a->count()), "array assignment");
    if (value) {
        a->data.replace(i * a->itemsize, a->itemsize, bytes);
    } else {
        check_resize(a, 0);  // any deletion, as for a slice
        a->data.erase(i * a->itemsize, a->itemsize);
    }
}

// The index of the first item equal to `v` in [start, stop), or -1.
int64_t find_item(Object* o, Object* v, int64_t start = 0, int64_t stop = INT64_MAX) {
    for (int64_t i = start; i < stop; ++i) {
        Ref item = item_or_null(o, i);
        if (!item) break;
        if (equals(item.get(), v)) return i;
    }
    return -1;
}

bool array_contains(Object* o, Object* v) { return find_item(o, v) >= 0; }

Ref array_concat(Object* left, Object* right) {
    if (!is_array(left)) return Ref::borrow(NotImplemented);
    if (!is_array(right))
        raise(&TypeError_type,
              format("can only append array (not \"%s\") to array", type_of(right)->name.c_str()));
    if (as_array(left)->code != as_array(right)->code)
        raise(&TypeError_type, "bad argument type for built-in operation");
    return array_new(&array_type, as_array(left)->code, snapshot(as_array(left)) + snapshot(as_array(right)));
}

// The bytes repeated n times (none for n <= 0), with CPython's MemoryError past any possible size.
std::string repeated(const std::string& bytes, int64_t n) {
    if (n <= 0 || bytes.empty()) return {};
    check_allocation(static_cast<uint64_t>(n), bytes.size());
    std::string out;
    out.reserve(bytes.size() * n);
    for (int64_t i = 0; i < n; ++i) out += bytes;
    return out;
}

Ref array_repeat(Object* left, Object* right) {
    Object* array = is_array(left) ? left : right;
    Object* times = array == left ? right : left;
    if (!is_index_like(times)) return Ref::borrow(NotImplemented);
    int64_t n = as_index(times);
    return array_new(&array_type, as_array(array)->code, repeated(snapshot(as_array(array)), n));
}

Ref array_inplace_concat(Object* left, Object* right) {
    if (!is_array(left)) return Ref::borrow(NotImplemented);
    if (!is_array(right))
        raise(&TypeError_type,
              format("can only extend array with array (not \"%s\")", type_of(right)->name.c_str()));
    extend_from_array(as_array(left), right);
    return Ref::borrow(left);
}

Ref array_inplace_repeat(Object* left, Object* right) {
    if (!is_array(left) || !is_index_like(right)) return Ref::borrow(NotImplemented);
    int64_t n = as_index(right);
    ArrayObject* a = as_array(left);
    CriticalSection cs(a->mutex);
    if (a->data.empty() || n == 1) return Ref::borrow(left);
    std::string bytes = repeated(a->data, n);
    check_resize(a, bytes.size());
    a->data = std::move(bytes);
    return Ref::borrow(left);
}

// ---- iterator ----

struct ArrayIterator : Object {
    Object* array;  // owned; null once exhausted
    size_t index = 0;
};

Ref array_iter(Object* o) {
    auto* it = new ArrayIterator();
    init_header(it, &array_iterator_type);
    it->array = newref(o);
    return Ref::steal(it);
}

Ref array_iterator_next(Object* o) {
    auto* it = static_cast<ArrayIterator*>(o);
    if (!it->array) return nullptr;
    if (Ref item = item_or_null(it->array, it->index)) {
        ++it->index;
        return item;
    }
    Object* done = it->array;
    it->array = nullptr;
    decref(done);
    return nullptr;
}

// ---- methods ----

ArrayObject* self_of(Args args) { return as_array(args[0]); }

Ref array_append(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("append", nargs - 1, kw, 1, 1);
    append_bytes(self_of(args), encoded(self_of(args), args[1]));
    return Ref::borrow(None);
}

Ref array_extend(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("extend", nargs - 1, kw, 1, 1);
    if (is_array(args[1]))
        extend_from_array(self_of(args), args[1]);
    else
        extend_from_iterable(self_of(args), args[1]);
    return Ref::borrow(None);
}

// A Py_ssize_t index argument, clamped into [0, count] as list.insert does.
size_t clamp_index(int64_t i, size_t count) {
    if (i < 0) i = std::max<int64_t>(0, i + static_cast<int64_t>(count));
    return std::min<size_t>(static_cast<size_t>(i), count);
}

Ref array_insert(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("insert", nargs - 1, kw, 2, 2);
    ArrayObject* a = self_of(args);
    int64_t i = as_index(args[1]);
    std::string bytes = encoded(a, args[2]);
    CriticalSection cs(a->mutex);
    check_resize(a, a->data.size() + bytes.size());
    a->data.insert(clamp_index(i, a->count()) * a->itemsize, bytes);
    return Ref::borrow(None);
}

Ref array_pop(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pop", nargs - 1, kw, 0, 1);
    ArrayObject* a = self_of(args);
    int64_t i = nargs > 1 ? as_index(args[1]) : -1;
    CriticalSection cs(a->mutex);
    int64_t n = static_cast<int64_t>(a->count());
    if (n == 0) raise(&IndexError_type, "pop from empty array");
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "pop index out of range");
    Ref item = decode_item(a->code, a->data.data() + i * a->itemsize);
    check_resize(a, a->data.size() - a->itemsize);
    a->data.erase(i * a->itemsize, a->itemsize);
    return item;
}

Ref array_remove(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("remove", nargs - 1, kw, 1, 1);
    ArrayObject* a = self_of(args);
    int64_t i = find_item(a, args[1]);
    if (i < 0) raise(&ValueError_type, "array.remove(x): x not in array");
    CriticalSection cs(a->mutex);
    if (static_cast<size_t>(i) < a->count()) {
        check_resize(a, a->data.size() - a->itemsize);
        a->data.erase(i * a->itemsize, a->itemsize);
    }
    return Ref::borrow(None);
}

// index(x[, start[, stop]]), negative bounds counted from the end as in list.index.
Ref array_index(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("index", nargs - 1, kw, 1, 3);
    int64_t count = static_cast<int64_t>(array_count(args[0]));
    auto bound = [count](Object* o, int64_t fallback) {
        if (!o) return fallback;
        int64_t v = as_index(o);
        if (v < 0) v = std::max<int64_t>(0, v + count);
        return v;
    };
    int64_t start = bound(nargs > 2 ? args[2] : nullptr, 0),
            stop = bound(nargs > 3 ? args[3] : nullptr, INT64_MAX);
    int64_t i = find_item(args[0], args[1], start, stop);
    if (i < 0) raise(&ValueError_type, "array.index(x): x not in array");
    return int_from_i64(i);
}

Ref array_count_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("count", nargs - 1, kw, 1, 1);
    int64_t n = 0;
    for (size_t i = 0; Ref item = item_or_null(args[0], i); ++i) n += equals(item.get(), args[1]);
    return int_from_i64(n);
}

Ref array_reverse(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reverse", nargs - 1, kw, 0, 0);
    ArrayObject* a = self_of(args);
    CriticalSection cs(a->mutex);
    for (size_t i = 0, j = a->count(); i + 1 < j; ++i, --j) {
        for (size_t k = 0; k < a->itemsize; ++k)
            std::swap(a->data[i * a->itemsize + k], a->data[(j - 1) * a->itemsize + k]);
    }
    return Ref::borrow(None);
}

Ref array_byteswap(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("byteswap", nargs - 1, kw, 0, 0);
    ArrayObject* a = self_of(args);
    CriticalSection cs(a->mutex);
    for (size_t i = 0; i < a->data.size(); i += a->itemsize)
        std::reverse(a->data.begin() + i, a->data.begin() + i + a->itemsize);
    return Ref::borrow(None);
}

Ref array_buffer_info(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("buffer_info", nargs - 1, kw, 0, 0);
    ArrayObject* a = self_of(args);
    CriticalSection cs(a->mutex);
    Ref address = int_from_u64(reinterpret_cast<uintptr_t>(a->data.data()));
    Ref count = int_from_i64(static_cast<int64_t>(a->count()));
    Object* items[2] = {address.get(), count.get()};
    return tuple_from(items, 2);
}

Ref array_tobytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tobytes", nargs - 1, kw, 0, 0);
    return bytes_new(snapshot(self_of(args)));
}

Ref array_frombytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("frombytes", nargs - 1, kw, 1, 1);
    append_raw_bytes(self_of(args), args[1]);
    return Ref::borrow(None);
}

Ref array_tolist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tolist", nargs - 1, kw, 0, 0);
    Ref list = list_new();
    for (size_t i = 0; Ref item = item_or_null(args[0], i); ++i) list_append(list.get(), item.get());
    return list;
}

// fromlist(list): all or nothing, as CPython: the items appended before a bad one are removed.
Ref array_fromlist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fromlist", nargs - 1, kw, 1, 1);
    if (!is_instance(args[1], &list_type)) raise(&TypeError_type, "arg must be list");
    ArrayObject* a = self_of(args);
    std::string bytes;
    for (size_t i = 0; Ref item = list_get_opt(args[1], i); ++i) bytes += encoded(a, item.get());
    append_bytes(a, bytes);
    return Ref::borrow(None);
}

Ref array_fromunicode(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fromunicode", nargs - 1, kw, 1, 1);
    ArrayObject* a = self_of(args);
    if (!is_instance(args[1], &str_type))
        raise(&TypeError_type,
              format("fromunicode() argument must be str, not %s", type_of(args[1])->name.c_str()));
    if (a->code != 'u') raise(&ValueError_type, "fromunicode() may only be called on unicode type arrays");
    append_unicode(a, args[1]);
    return Ref::borrow(None);
}

Ref array_tounicode(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tounicode", nargs - 1, kw, 0, 0);
    if (self_of(args)->code != 'u')
        raise(&ValueError_type, "tounicode() may only be called on unicode type arrays");
    std::string text;
    for (size_t i = 0; Ref item = item_or_null(args[0], i); ++i) text += str_utf8_of(item.get());
    return str_new(text);
}

// tofile(f) / fromfile(f, n): the bytes through f.write / f.read.
Ref array_tofile(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tofile", nargs - 1, kw, 1, 1);
    Ref write = get_attr(args[1], intern("write"));
    Ref bytes = bytes_new(snapshot(self_of(args)));
    call1(write.get(), bytes.get());
    return Ref::borrow(None);
}

Ref array_fromfile(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fromfile", nargs - 1, kw, 2, 2);
    ArrayObject* a = self_of(args);
    int64_t n = as_index(args[2]);
    if (n < 0) raise(&ValueError_type, "negative count");
    Ref wanted = int_from_i64(n * static_cast<int64_t>(a->itemsize));
    Ref read = get_attr(args[1], intern("read"));
    Ref data = call1(read.get(), wanted.get());
    if (!is_bytes(data.get())) raise(&TypeError_type, "read() didn't return bytes");
    const std::string& bytes = bytes_data(data.get());
    size_t whole = bytes.size() / a->itemsize * a->itemsize;
    append_bytes(a, bytes.substr(0, whole));
    if (bytes.size() != static_cast<size_t>(n) * a->itemsize)
        raise(&EOFError_type, "read() didn't return enough bytes");
    return Ref::borrow(None);
}

Ref array_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__copy__", nargs - 1, kw, 0, 0);
    return array_new(&array_type, self_of(args)->code, snapshot(self_of(args)));
}

Ref array_deepcopy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__deepcopy__", nargs - 1, kw, 1, 1);
    return array_new(&array_type, self_of(args)->code, snapshot(self_of(args)));
}

// ---- pickling ----

// CPython's machine format codes: how an array's bytes are laid out, so a pickle made on one
// machine loads on another (Modules/arraymodule.c's enum machine_format_code).
enum MachineFormat {
    kUnsignedInt8 = 0,  // the integer formats come in pairs: little-endian, then big-endian,
    kSignedInt8 = 1,    // unsigned 16, signed 16, unsigned 32, ... signed 64 (2 to 13)
    kFloatLE = 14,
    kFloatBE = 15,
    kDoubleLE = 16,
    kDoubleBE = 17,
    kUtf16LE = 18,
    kUtf16BE = 19,
    kUtf32LE = 20,
    kUtf32BE = 21,
};

// The format of this machine's items (little-endian, as x86-64 and arm64 Linux).
int machine_format(char code) {
    switch (code) {
        case 'b':
            return kSignedInt8;
        case 'B':
            return kUnsignedInt8;
        case 'u':
            return kUtf32LE;
        case 'f':
            return kFloatLE;
        case 'd':
            return kDoubleLE;
        default: {
            // 2 + 4 * log2(size / 2) + 2 * signed: 'H' 2, 'h' 4, 'I' 6, 'i' 8, 'L'/'Q' 10, 'l'/'q' 12.
            int size_step = item_size(code) == 2 ? 0 : item_size(code) == 4 ? 1 : 2;
            bool is_signed = code == 'h' || code == 'i' || code == 'l' || code == 'q';
            return 2 + 4 * size_step + (is_signed ? 2 : 0);
        }
    }
}

Object* g_reconstructor = nullptr;  // array._array_reconstructor, which protocol 3+ pickles name

// __reduce_ex__(protocol): (array._array_reconstructor, (type, typecode, format, bytes), __dict__)
// for protocol 3 and up, as CPython; (type, (typecode, list), __dict__) before, which any Python loads.
Ref array_reduce_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce_ex__", nargs - 1, kw, 1, 1);
    Object* self = args[0];
    int64_t protocol = as_index(args[1]);
    Ref code = str_from_codepoint(static_cast<unsigned char>(self_of(args)->code));
    Ref state = get_attr_opt(self, intern("__dict__"));
    if (!state) state = Ref::borrow(None);
    Ref arguments;
    Object* callable = type_of(self);
    if (protocol < 3) {
        Ref list = array_tolist(nullptr, args, 1, nullptr);
        Object* items[2] = {code.get(), list.get()};
        arguments = tuple_from(items, 2);
    } else {
        Ref format_code = int_from_i64(machine_format(self_of(args)->code));
        Ref bytes = bytes_new(snapshot(self_of(args)));
        Object* items[4] = {type_of(self), code.get(), format_code.get(), bytes.get()};
        arguments = tuple_from(items, 4);
        callable = g_reconstructor;
    }
    Object* items[3] = {callable, arguments.get(), state.get()};
    return tuple_from(items, 3);
}

// The items of `bytes` laid out in integer machine format `format` (2..13, or 0/1), as Python ints.
Ref integers_from_format(const std::string& bytes, int format) {
    size_t size = format < 2 ? 1 : size_t{2} << ((format - 2) / 4);
    bool is_signed = format < 2 ? format == kSignedInt8 : (format - 2) % 4 >= 2;
    bool big_endian = format >= 2 && format % 2 == 1;
    Ref list = list_new();
    for (size_t i = 0; i + size <= bytes.size(); i += size) {
        uint64_t u = 0;
        for (size_t k = 0; k < size; ++k) {
            auto byte = static_cast<unsigned char>(bytes[i + (big_endian ? k : size - 1 - k)]);
            u = (u << 8) | byte;
        }
        if (is_signed && size < 8 && (u >> (8 * size - 1))) u |= ~uint64_t{0} << (8 * size);
        Ref value = is_signed ? int_from_i64(static_cast<int64_t>(u)) : int_from_u64(u);
        list_append(list.get(), value.get());
    }
    return list;
}

// The floats of `bytes` in IEEE format `format` (14..17).
Ref floats_from_format(const std::string& bytes, int format) {
    size_t size = format <= kFloatBE ? 4 : 8;
    bool big_endian = format == kFloatBE || format == kDoubleBE;
    Ref list = list_new();
    for (size_t i = 0; i + size <= bytes.size(); i += size) {
        std::string item = bytes.substr(i, size);
        if (big_endian) std::reverse(item.begin(), item.end());
        Ref value = decode_item(size == 4 ? 'f' : 'd', item.data());
        list_append(list.get(), value.get());
    }
    return list;
}

// array._array_reconstructor(arraytype, typecode, mformat_code, items): what protocol 3+ pickles
// call. Items in another machine's layout are converted; integers then take the native typecode
// of their size and signedness, as in CPython.
Ref array_reconstructor(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_array_reconstructor", nargs, kw, 4, 4);
    if (!is_type(args[0]))
        raise(&TypeError_type,
              format("first argument must be a type object, not %s", type_of(args[0])->name.c_str()));
    auto* t = static_cast<Type*>(args[0]);
    if (!is_subtype(t, &array_type))
        raise(&TypeError_type, format("%s is not a subtype of array.array", t->name.c_str()));
    const std::string* code_text = is_instance(args[1], &str_type) ? &str_utf8_of(args[1]) : nullptr;
    if (!code_text || code_text->size() != 1 || !std::strchr(kTypecodes, (*code_text)[0]))
        raise(&ValueError_type, "second argument must be a valid type code");
    char code = (*code_text)[0];
    int64_t layout = as_index(args[2]);
    if (layout < kUnsignedInt8 || layout > kUtf32BE)
        raise(&ValueError_type, "third argument must be a valid machine format code.");
    if (!is_bytes(args[3]))
        raise(&TypeError_type,
              format("fourth argument should be bytes, not %s", type_of(args[3])->name.c_str()));
    const std::string& bytes = bytes_data(args[3]);
    Ref code_arg, items;
    if (layout == machine_format(code)) {
        code_arg = Ref::borrow(args[1]);
        items = Ref::borrow(args[3]);
    } else if (layout >= kUtf16LE) {
        static const char* const kCodecs[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
        Ref codec = str_new(kCodecs[layout - kUtf16LE]);
        code_arg = Ref::borrow(args[1]);
        items = bytes_decode(bytes, codec.get(), nullptr);
    } else if (layout >= kFloatLE) {
        code_arg = Ref::borrow(args[1]);
        items = floats_from_format(bytes, static_cast<int>(layout));
    } else {
        size_t size = layout < 2 ? 1 : size_t{2} << ((layout - 2) / 4);
        bool is_signed = layout < 2 ? layout == kSignedInt8 : (layout - 2) % 4 >= 2;
        for (const char* c = kTypecodes; *c; ++c) {
            bool c_signed = std::strchr("bhilq", *c) != nullptr;
            if (*c != 'u' && *c != 'f' && *c != 'd' && static_cast<size_t>(item_size(*c)) == size &&
                c_signed == is_signed)
                code = *c;
        }
        code_arg = str_from_codepoint(static_cast<unsigned char>(code));
        items = integers_from_format(bytes, static_cast<int>(layout));
    }
    Object* ctor_args[2] = {code_arg.get(), items.get()};
    return array_construct(t, ctor_args, 2, nullptr);
}

Ref array_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__sizeof__", nargs - 1, kw, 0, 0);
    CriticalSection cs(self_of(args)->mutex);
    return int_from_i64(static_cast<int64_t>(sizeof(ArrayObject) + self_of(args)->data.capacity()));
}

Ref array_getattr(Object* o, Str* name) {
    if (name->utf8 == "typecode") return str_from_codepoint(static_cast<unsigned char>(as_array(o)->code));
    if (name->utf8 == "itemsize") return int_from_i64(static_cast<int64_t>(as_array(o)->itemsize));
    return generic_getattr(o, name);
}

// array.__new__(cls, typecode[, initializer]), for subclasses that define __new__ of their own.
Ref array_new_method(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 1 || !is_type(args[0]) || !is_subtype(static_cast<Type*>(args[0]), &array_type))
        raise(&TypeError_type, "array.__new__(X): X is not a subtype of array.array");
    return array_construct(args[0], args + 1, nargs - 1, kw);
}

const MethodDef kArrayMethods[] = {
    {"__new__", array_new_method, "Create and return a new object.", MethodKind::Static},
    {"append", array_append, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info,
     "Return a tuple (address, length) giving the current memory address and the length in items of the "
     "buffer used to hold array's contents."},
    {"byteswap", array_byteswap, "Byteswap all items of the array."},
    {"count", array_count_method, "Return number of occurrences of v in the array."},
    {"extend", array_extend, "Append items to the end of the array."},
    {"frombytes", array_frombytes,
     "Appends items from the string, interpreting it as an array of machine values."},
    {"fromfile", array_fromfile,
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, "Append items to array from list."},
    {"fromunicode", array_fromunicode, "Extends this array with data from the unicode string ustr."},
    {"index", array_index, "Return index of first occurrence of v in the array."},
    {"insert", array_insert, "Insert a new item v into the array before position i."},
    {"pop", array_pop, "Return the i-th element and delete it from the array."},
    {"remove", array_remove, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes,
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_tofile, "Write all items (as machine values) to the file object f."},
    {"tolist", array_tolist, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, "Extends this array with data from the unicode string ustr."},
    {"__copy__", array_copy, "Return a copy of the array."},
    {"__deepcopy__", array_deepcopy, "Return a copy of the array."},
    {"__reduce_ex__", array_reduce_ex, "Return state information for pickling."},
    {"__sizeof__", array_sizeof, "Size of the array in memory, in bytes."},
    {nullptr, nullptr, nullptr},
};

// The buffer an array exports (objects/bytes.h): bytes(a), memoryview(a), b"".join([a]), ...
const BufferProcs kArrayBuffer = {
    [](Object* o) { return array_count(o) * as_array(o)->itemsize; },
    [](Object* o, size_t offset, size_t n, char* out) {
        ArrayObject* a = as_array(o);
        CriticalSection cs(a->mutex);
        if (offset + n > a->data.size()) return false;
        a->data.copy(out, n, offset);
        return true;
    },
    [](Object* o, size_t offset, const char* in, size_t n) {
        ArrayObject* a = as_array(o);
        CriticalSection cs(a->mutex);
        if (offset + n > a->data.size()) return false;
        a->data.replace(offset, n, in, n);
        return true;
    },
    // 'u' (wchar_t) items are exported as 'w', as CPython 3.11's array does.
    [](Object* o) { return as_array(o)->code == 'u' ? 'w' : as_array(o)->code; },
    [](Object* o) { return static_cast<int>(as_array(o)->itemsize); },
    [](Object* o, int delta) { as_array(o)->exports.fetch_add(delta, std::memory_order_relaxed); },
};

void init_array_types() {
    Type& t = array_type;
    t.name = "array.array";
    t.instance_size = sizeof(ArrayObject);
    t.dealloc = array_dealloc;
    allow_weak_references(&t);
    t.repr = array_repr;
    t.hash = hash_not_implemented;
    t.compare = array_compare;
    t.len = array_len;
    t.getitem = array_getitem;
    t.setitem = array_setitem;
    t.contains = array_contains;
    t.iter = array_iter;
    t.getattr = array_getattr;
    t.construct = array_construct;
    t.binary[static_cast<size_t>(BinaryOp::Add)] = array_concat;
    t.binary[static_cast<size_t>(BinaryOp::Mul)] = array_repeat;
    t.inplace[static_cast<size_t>(BinaryOp::Add)] = array_inplace_concat;
    t.inplace[static_cast<size_t>(BinaryOp::Mul)] = array_inplace_repeat;
    t.methods = kArrayMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    t.collection_flags = kTypeSequence;
    init_type(&t);
    register_buffer(&t, &kArrayBuffer);

    Type& it = array_iterator_type;
    it.name = "array.arrayiterator";
    it.instance_size = sizeof(ArrayIterator);
    it.dealloc = [](Object* o) {
        xdecref(static_cast<ArrayIterator*>(o)->array);
        delete static_cast<ArrayIterator*>(o);
    };
    it.iter = [](Object* o) { return Ref::borrow(o); };
    it.next = array_iterator_next;
    init_type(&it);
}

// CPython registers array with collections.abc.MutableSequence at import, so isinstance() and
// the match statement's sequence patterns accept it.
void register_mutable_sequence() {
    Object* name = intern("MutableSequence");
    Ref fromlist = tuple_from(&name, 1);
    Ref abc = import_module_level(intern("collections.abc"), fromlist.get(), 0, nullptr);
    Ref mutable_sequence = get_attr(abc.get(), intern("MutableSequence"));
    Ref register_method = get_attr(mutable_sequence.get(), intern("register"));
    call1(register_method.get(), &array_type);
}

const MethodDef kArrayFunctions[] = {
    {"_array_reconstructor", array_reconstructor, "Internal. Used for pickling support."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_array_module() {
    if (!array_type.dict) init_array_types();
    Ref m = native_module_new("array", kArrayFunctions);
    Dict* d = module_dict(m.get());
    if (!g_reconstructor) g_reconstructor = newref(dict_get_str(d, intern("_array_reconstructor")));
    dict_set(d, intern("array"), &array_type);
    dict_set(d, intern("ArrayType"), &array_type);
    dict_set(d, intern("typecodes"), str_new(kTypecodes).get());
    register_mutable_sequence();
    return m;
}

}  // namespace minipy
