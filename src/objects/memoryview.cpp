// memoryview.cpp — memoryview over bytes and bytearray (one dimension, format 'B' or cast() to
// another native one): length, items, slices, tobytes/tolist/hex, release and the context manager.
// A slice copies the bytes it covers rather than sharing the buffer: minipy has no buffer protocol yet.
#include "objects/memoryview.h"

#include <utility>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type memoryview_type;

namespace {

using Args = Object* const*;

struct MemoryView : Object {
    Object* obj;        // owned; null once released
    char format = 'B';  // the item format after cast(): one of kFormats' letters
    int itemsize = 1;
};

// The native single-character formats cast() accepts (struct's codes with '@' sizes on LP64).
int format_size(char f) {
    switch (f) {
        case 'B':
        case 'b':
        case 'c':
            return 1;
        case 'H':
        case 'h':
            return 2;
        case 'I':
        case 'i':
            return 4;
        case 'L':
        case 'l':
        case 'Q':
        case 'q':
            return 8;
        default:
            return 0;
    }
}

// Item `i` of the view as its Python value: an int, or for 'c' a one-byte bytes.
Ref item_at(const std::string& data, size_t i, char f, int size) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + i * static_cast<size_t>(size);
    if (f == 'c') return bytes_new(std::string_view(reinterpret_cast<const char*>(p), 1));
    uint64_t u = 0;
    for (int k = size - 1; k >= 0; --k) u = (u << 8) | p[k];  // little-endian: x86-64 and arm64
    bool is_signed = f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q';
    if (is_signed && size < 8 && (u >> (8 * size - 1))) u |= ~uint64_t{0} << (8 * size);
    if (is_signed || u <= static_cast<uint64_t>(INT64_MAX)) return int_from_i64(static_cast<int64_t>(u));
    return int_from_string(std::to_string(u), 10);
}

MemoryView* as_view(Object* o) { return static_cast<MemoryView*>(o); }

// A view of a bytearray counts as an export of its buffer until it is released: the bytearray
// may not change size meanwhile (objects/bytes.h, check_resize), as in CPython.
Ref view_of(Object* obj) {
    auto* v = new MemoryView();
    init_header(v, &memoryview_type);
    v->obj = newref(obj);
    if (is_bytearray(obj)) static_cast<ByteArray*>(obj)->exports.fetch_add(1, std::memory_order_relaxed);
    return Ref::steal(v);
}

void release_target(MemoryView* v) {
    Object* obj = std::exchange(v->obj, nullptr);
    if (obj && is_bytearray(obj))
        static_cast<ByteArray*>(obj)->exports.fetch_sub(1, std::memory_order_relaxed);
    xdecref(obj);
}

void view_dealloc(Object* o) {
    weakrefs_clear(o);
    release_target(as_view(o));
    delete as_view(o);
}

Ref view_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("memoryview", nargs, kw, 1, 1);
    if (type_of(args[0]) == &memoryview_type) return view_of(memoryview_target(args[0]));
    if (!is_bytes_like(args[0]))
        raise(&TypeError_type, format("memoryview: a bytes-like object is required, not '%s'",
                                      type_of(args[0])->name.c_str()));
    return view_of(args[0]);
}

int64_t view_nbytes(Object* o) { return static_cast<int64_t>(bytes_like_data(memoryview_target(o)).size()); }
int64_t view_len(Object* o) { return view_nbytes(o) / as_view(o)->itemsize; }

Ref view_getitem(Object* o, Object* key) {
    std::string data = bytes_like_data(memoryview_target(o));
    MemoryView* v = as_view(o);
    int64_t n = static_cast<int64_t>(data.size()) / v->itemsize;
    if (type_of(key) == &slice_type) {
        int64_t start, stop, step;
        int64_t count = slice_indices(static_cast<Slice*>(key), n, &start, &stop, &step);
        std::string part;
        for (int64_t k = 0, i = start; k < count; ++k, i += step)
            part.append(data, static_cast<size_t>(i * v->itemsize), static_cast<size_t>(v->itemsize));
        Ref view = view_of(bytes_new(part).get());
        as_view(view.get())->format = v->format;
        as_view(view.get())->itemsize = v->itemsize;
        return view;
    }
    int64_t i = as_index(key);
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "index out of bounds on dimension 1");
    return item_at(data, static_cast<size_t>(i), v->format, v->itemsize);
}

// view[i] = byte, view[a:b] = bytes of the same length: written into the bytearray the view is
// over (a view of bytes is read-only), as readinto() implementations fill the view they are given.
void view_setitem(Object* o, Object* key, Object* value) {
    Object* obj = memoryview_target(o);
    if (!is_bytearray(obj)) raise(&TypeError_type, "cannot modify read-only memory");
    if (!value) raise(&TypeError_type, "cannot delete memory");
    if (as_view(o)->itemsize != 1)
        raise(&NotImplementedError_type,
              "memoryview: item assignment is supported only for format 'B' in minipy");
    int64_t n = length(obj);
    if (type_of(key) != &slice_type) {
        int64_t i = as_index(key);
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(&IndexError_type, "index out of bounds on dimension 1");
        Ref index = int_from_i64(i);
        return set_item(obj, index.get(), value);
    }
    int64_t start, stop, step;
    int64_t count = slice_indices(static_cast<Slice*>(key), n, &start, &stop, &step);
    if (!is_bytes_like(value))
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(value)->name.c_str()));
    Ref data = bytes_new(bytes_like_data(value));
    if (static_cast<int64_t>(bytes_data(data.get()).size()) != count)
        raise(&ValueError_type, "memoryview assignment: lvalue and rvalue have different structures");
    set_item(obj, key, data.get());
}

Ref view_repr(Object* o) {
    return str_new(format("<%smemory at %p>", as_view(o)->obj ? "" : "released ", static_cast<void*>(o)));
}

Ref view_compare(Object* a, Object* b, CompareOp op) {
    if (op != CompareOp::Eq && op != CompareOp::Ne) return Ref::borrow(NotImplemented);
    Object* other = type_of(b) == &memoryview_type ? as_view(b)->obj : b;
    if (!as_view(a)->obj || !other || !is_bytes_like(other))
        return Ref::borrow(bool_obj((a == b) == (op == CompareOp::Eq)));
    bool eq = bytes_like_data(as_view(a)->obj) == bytes_like_data(other);
    return Ref::borrow(bool_obj(eq == (op == CompareOp::Eq)));
}

Ref view_getattr(Object* o, Str* name) {
    const std::string& n = name->utf8;
    if (n == "obj") return Ref::borrow(memoryview_target(o));
    if (n == "nbytes") return int_from_i64(view_nbytes(o));
    if (n == "readonly") return Ref::borrow(bool_obj(!is_bytearray(memoryview_target(o))));
    if (n == "itemsize") return int_from_i64(as_view(o)->itemsize);
    if (n == "ndim") return int_from_i64(1);
    if (n == "format") return str_new(std::string(1, as_view(o)->format));
    if (n == "released") return Ref::borrow(bool_obj(!as_view(o)->obj));
    if (n == "contiguous" || n == "c_contiguous" || n == "f_contiguous") return Ref::borrow(True);
    if (n == "shape" || n == "strides") {
        Ref item = int_from_i64(n == "shape" ? view_len(o) : as_view(o)->itemsize);
        Object* one = item.get();
        return tuple_from(&one, 1);
    }
    return generic_getattr(o, name);
}

Ref view_tobytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tobytes", nargs - 1, kw, 0, 1);
    return bytes_new(bytes_like_data(memoryview_target(args[0])));
}

Ref view_tolist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tolist", nargs - 1, kw, 0, 0);
    Ref list = list_new();
    std::string data = bytes_like_data(memoryview_target(args[0]));
    MemoryView* v = as_view(args[0]);
    for (size_t i = 0; i < data.size() / static_cast<size_t>(v->itemsize); ++i)
        list_append(list.get(), item_at(data, i, v->format, v->itemsize).get());
    return list;
}

// memoryview.cast(format): the same bytes seen as items of another native format (re's compiler
// reads its charset bitmaps as 'I' words); one dimension only, and byte formats on one side.
Ref view_cast(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("cast", nargs - 1, kw, 1, 1);
    MemoryView* v = as_view(args[0]);
    Object* obj = memoryview_target(args[0]);
    if (!is_instance(args[1], &str_type))
        raise(&TypeError_type,
              format("cast() argument 'format' must be str, not %s", type_of(args[1])->name.c_str()));
    std::string f = str_utf8_of(args[1]);
    if (f.size() == 2 && f[0] == '@') f = f.substr(1);
    int size = f.size() == 1 ? format_size(f[0]) : 0;
    if (!size)
        raise(&ValueError_type,
              "memoryview: destination format must be a native single character format prefixed with an "
              "optional '@'");
    if (format_size(v->format) != 1 && size != 1 && v->format != 'B' && f[0] != 'B')
        raise(&TypeError_type, "memoryview: cannot cast between two non-byte formats");
    if (bytes_like_data(obj).size() % static_cast<size_t>(size))
        raise(&TypeError_type, "memoryview: length is not a multiple of itemsize");
    Ref view = view_of(obj);
    as_view(view.get())->format = f[0];
    as_view(view.get())->itemsize = size;
    return view;
}

// hex(sep, bytes_per_sep): bytes.hex of the viewed bytes, with the same arguments.
Ref view_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref b = bytes_new(bytes_like_data(memoryview_target(args[0])));
    return call(get_attr(b.get(), intern("hex")).get(), args + 1, nargs - 1, kw);
}

Ref view_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs - 1, kw, 0, 0);
    release_target(as_view(args[0]));
    return Ref::borrow(None);
}

Ref view_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    memoryview_target(args[0]);
    return Ref::borrow(args[0]);
}

Ref view_exit(Object* callable, Args args, size_t nargs, Tuple*) {
    (void)nargs;
    return view_release(callable, args, 1, nullptr);
}

const MethodDef kViewMethods[] = {
    {"tobytes", view_tobytes, "Return the data in the buffer as a byte string."},
    {"tolist", view_tolist, "Return the data in the buffer as a list of elements."},
    {"cast", view_cast, "Cast a memoryview to a new format or shape."},
    {"hex", view_hex, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", view_release, "Release the underlying buffer exposed by the memoryview object."},
    {"__enter__", view_enter, nullptr},
    {"__exit__", view_exit, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Object* memoryview_target(Object* view) {
    Object* obj = as_view(view)->obj;
    if (!obj) raise(&ValueError_type, "operation forbidden on released memoryview object");
    return obj;
}

void init_memoryview_type() {
    Type& t = memoryview_type;
    t.name = "memoryview";
    t.instance_size = sizeof(MemoryView);
    t.dealloc = view_dealloc;
    t.construct = view_construct;
    t.len = view_len;
    t.getitem = view_getitem;
    t.setitem = view_setitem;
    t.repr = view_repr;
    t.compare = view_compare;
    t.getattr = view_getattr;
    t.methods = kViewMethods;
    init_type(&t);
}

}  // namespace minipy
