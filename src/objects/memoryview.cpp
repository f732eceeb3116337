// memoryview.cpp — memoryview over bytes, bytearray and the types that register a buffer
// (array.array): one dimension of items in a native struct format. A slice is a view of the same
// memory (an offset, a step and a count), so writes through it reach the object, as in CPython.
#include "objects/memoryview.h"

#include <cstring>
#include <utility>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type memoryview_type;

namespace {

using Args = Object* const*;

struct MemoryView : Object {
    Object* obj;        // owned; null once released
    char format = 'B';  // struct's letter for the items
    int itemsize = 1;
    bool whole = true;   // all of obj, whose size it follows; else the `count` items below
    int64_t offset = 0;  // byte offset of item 0
    int64_t step = 1;    // bytes from one item to the next (negative for a reversed slice)
    int64_t count = 0;   // items, when not whole
    bool readonly = true;
    int64_t hash = -1;  // once computed: a released view still answers it, as CPython's
};

MemoryView* as_view(Object* o) { return static_cast<MemoryView*>(o); }
Object* picklebuffer_view(Object* o);  // the view a PickleBuffer holds; ValueError once released

// The native single-character formats (struct's codes with '@' sizes on LP64).
int format_size(char f) {
    switch (f) {
        case 'B':
        case 'b':
        case 'c':
        case '?':
            return 1;
        case 'H':
        case 'h':
            return 2;
        case 'I':
        case 'i':
        case 'f':
            return 4;
        case 'L':
        case 'l':
        case 'Q':
        case 'q':
        case 'd':
            return 8;
        default:
            return 0;
    }
}

bool signed_format(char f) { return f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q'; }

// ---- the bytes of the object a view is over ----

size_t target_size(Object* obj) {
    if (is_bytes(obj)) return bytes_data(obj).size();
    if (is_bytearray(obj)) {
        auto* a = static_cast<ByteArray*>(obj);
        CriticalSection cs(a->mutex);
        return a->data.size();
    }
    return buffer_procs_of(obj)->size(obj);
}

// Copies n bytes at `offset` of the object into `out`; IndexError when the object no longer has them
// (an array shrank: CPython refuses the resize instead).
void read_target(Object* obj, size_t offset, size_t n, char* out) {
    bool ok;
    if (is_bytes(obj)) {
        const std::string& d = bytes_data(obj);
        ok = offset + n <= d.size();
        if (ok) std::memcpy(out, d.data() + offset, n);
    } else if (is_bytearray(obj)) {
        auto* a = static_cast<ByteArray*>(obj);
        CriticalSection cs(a->mutex);
        ok = offset + n <= a->data.size();
        if (ok) std::memcpy(out, a->data.data() + offset, n);
    } else {
        ok = buffer_procs_of(obj)->read(obj, offset, n, out);
    }
    if (!ok) raise(&IndexError_type, "index out of bounds on dimension 1");
}

void write_target(Object* obj, size_t offset, const char* in, size_t n) {
    bool ok;
    if (is_bytearray(obj)) {
        auto* a = static_cast<ByteArray*>(obj);
        CriticalSection cs(a->mutex);
        ok = offset + n <= a->data.size();
        if (ok) std::memcpy(a->data.data() + offset, in, n);
    } else {
        ok = buffer_procs_of(obj)->write(obj, offset, in, n);
    }
    if (!ok) raise(&IndexError_type, "index out of bounds on dimension 1");
}

// A new view of `obj`'s items. A view of a bytearray counts as an export of its buffer until it is
// released: the bytearray may not change size meanwhile (objects/bytes.h, check_resize).
Ref view_of(Object* obj) {
    auto* v = new MemoryView();
    init_header(v, &memoryview_type);
    v->obj = newref(obj);
    if (is_bytearray(obj)) {
        static_cast<ByteArray*>(obj)->exports.fetch_add(1, std::memory_order_relaxed);
        v->readonly = false;
    } else if (!is_bytes(obj)) {
        const BufferProcs* procs = buffer_procs_of(obj);
        v->format = procs->format(obj);
        v->itemsize = procs->itemsize(obj);
        v->readonly = false;
        if (procs->exports) procs->exports(obj, 1);
    }
    v->step = v->itemsize;
    return Ref::steal(v);
}

// A view of the same memory as `v` with the same items (memoryview(m), the start of a slice).
Ref copy_view(MemoryView* v) {
    Ref copy = view_of(v->obj);
    MemoryView* c = as_view(copy.get());
    c->format = v->format;
    c->itemsize = v->itemsize;
    c->whole = v->whole;
    c->offset = v->offset;
    c->step = v->step;
    c->count = v->count;
    c->readonly = v->readonly;
    return copy;
}

// Whether the items lie one after another in the object (a view of all of it, a slice of step 1,
// or at most one item): what cast() and PickleBuffer.raw() require, and `contiguous` says.
bool is_contiguous(const MemoryView* v) { return v->whole || v->step == v->itemsize || v->count <= 1; }

// A view of the same bytes as the contiguous `v`, seen as items of `format` (`size` bytes each).
Ref recast(MemoryView* v, char format, int size, int64_t nbytes) {
    Ref view = copy_view(v);
    MemoryView* c = as_view(view.get());
    c->format = format;
    c->itemsize = size;
    c->step = size;
    c->count = nbytes / size;
    return view;
}

Object* target(Object* view) { return memoryview_target(view); }

int64_t item_count(Object* o) {
    MemoryView* v = as_view(o);
    Object* obj = target(o);
    return v->whole ? static_cast<int64_t>(target_size(obj)) / v->itemsize : v->count;
}

// Where item i starts in the object.
size_t item_offset(MemoryView* v, int64_t i) { return static_cast<size_t>(v->offset + i * v->step); }

// ---- items and their Python values ----

[[noreturn]] void unsupported_format(char f) {
    raise(&NotImplementedError_type, format("memoryview: format %c not supported", f));
}

Ref decode(const unsigned char* p, char f, int size) {
    if (f == 'c') return bytes_new(std::string_view(reinterpret_cast<const char*>(p), 1));
    if (f == '?') return Ref::borrow(bool_obj(*p != 0));
    if (f == 'f' || f == 'd') {
        double d;
        if (f == 'f') {
            float x;
            std::memcpy(&x, p, 4);
            d = x;
        } else {
            std::memcpy(&d, p, 8);
        }
        return float_new(d);
    }
    if (!format_size(f)) unsupported_format(f);
    uint64_t u = 0;
    for (int k = size - 1; k >= 0; --k) u = (u << 8) | p[k];  // little-endian: x86-64 and arm64
    if (signed_format(f) && size < 8 && (u >> (8 * size - 1))) u |= ~uint64_t{0} << (8 * size);
    if (signed_format(f) || u <= static_cast<uint64_t>(INT64_MAX))
        return int_from_i64(static_cast<int64_t>(u));
    return int_from_string(std::to_string(u), 10);
}

Ref item_at(Object* o, int64_t i) {
    MemoryView* v = as_view(o);
    unsigned char buf[8];
    read_target(target(o), item_offset(v, i), static_cast<size_t>(v->itemsize), reinterpret_cast<char*>(buf));
    return decode(buf, v->format, v->itemsize);
}

// The bytes of `value` as one item of format f, with CPython's errors for a wrong type or range.
void encode(Object* value, char f, int size, unsigned char* out) {
    auto invalid = [f](Type* error, const char* what) {
        raise(error, format("memoryview: invalid %s for format '%c'", what, f));
    };
    if (f == 'c') {
        if (!is_bytes(value)) invalid(&TypeError_type, "type");
        if (bytes_data(value).size() != 1) invalid(&ValueError_type, "value");
        out[0] = static_cast<unsigned char>(bytes_data(value)[0]);
        return;
    }
    if (f == '?') {
        out[0] = is_true(value) ? 1 : 0;
        return;
    }
    if (f == 'f' || f == 'd') {
        double d = 0;
        try {
            d = to_double(value);  // a float, an int, __float__ or __index__
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &TypeError_type)) throw;
            invalid(&TypeError_type, "type");
        }
        if (f == 'f') {
            auto x = static_cast<float>(d);
            std::memcpy(out, &x, 4);
        } else {
            std::memcpy(out, &d, 8);
        }
        return;
    }
    if (!format_size(f)) unsupported_format(f);
    Ref index = is_int(value) ? Ref::borrow(value) : index_value(value);
    if (!index) invalid(&TypeError_type, "type");
    int64_t x;
    bool fits = int_to_i64(index.get(), &x);
    uint64_t u = static_cast<uint64_t>(x);
    if (!signed_format(f) && size == 8 && !fits) {  // 'Q', 'L' up to 2**64 - 1
        Ref limit = int_from_string("18446744073709551615", 10);
        if (int_compare(index.get(), make_small_int(0)) < 0 || int_compare(index.get(), limit.get()) > 0)
            invalid(&ValueError_type, "value");
        Ref low = int_binary(index.get(), int_from_string("9223372036854775808", 10).get(), BinaryOp::Sub);
        int_to_i64(low.get(), &x);
        u = static_cast<uint64_t>(x) + (uint64_t{1} << 63);
    } else {
        if (!fits) invalid(&ValueError_type, "value");
        int bits = 8 * size;
        bool in_range = signed_format(f) ? bits == 64 || (x >= -(int64_t{1} << (bits - 1)) &&
                                                          x < (int64_t{1} << (bits - 1)))
                                         : x >= 0 && (bits == 64 || x < (int64_t{1} << bits));
        if (!in_range) invalid(&ValueError_type, "value");
    }
    for (int k = 0; k < size; ++k) out[k] = static_cast<unsigned char>(u >> (8 * k));
}

// The items' bytes, in order.
std::string view_bytes(Object* o) {
    MemoryView* v = as_view(o);
    Object* obj = target(o);
    if (v->whole) return bytes_like_data(obj);
    std::string out(static_cast<size_t>(v->count * v->itemsize), '\0');
    for (int64_t i = 0; i < v->count; ++i)
        read_target(obj, item_offset(v, i), static_cast<size_t>(v->itemsize), out.data() + i * v->itemsize);
    return out;
}

// ---- slots ----

void release_target(MemoryView* v) {
    Object* obj = std::exchange(v->obj, nullptr);
    if (obj && is_bytearray(obj)) {
        static_cast<ByteArray*>(obj)->exports.fetch_sub(1, std::memory_order_relaxed);
    } else if (obj && !is_bytes(obj)) {
        const BufferProcs* procs = buffer_procs_of(obj);
        if (procs->exports) procs->exports(obj, -1);
    }
    xdecref(obj);
}

void view_dealloc(Object* o) {
    weakrefs_clear(o);
    release_target(as_view(o));
    delete as_view(o);
}

Ref view_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"object"};
    Object* object;
    bind_args("memoryview", args, nargs, kw, names, 1, 1, &object);
    if (type_of(object) == &memoryview_type) {
        target(object);
        return copy_view(as_view(object));
    }
    // The pickle buffer's own view again, as CPython's picklebuf_getbuf asks the wrapped object:
    // memoryview(PickleBuffer(b)).obj is b.
    if (type_of(object) == &picklebuffer_type) return copy_view(as_view(picklebuffer_view(object)));
    if (!exports_buffer(object))
        raise(&TypeError_type,
              format("memoryview: a bytes-like object is required, not '%s'", type_of(object)->name.c_str()));
    return view_of(object);
}

int64_t view_len(Object* o) { return item_count(o); }

[[noreturn]] void invalid_key() { raise(&TypeError_type, "memoryview: invalid slice key"); }

// An index of the view, negative ones counted from the end: an int, an object with __index__, or a
// tuple of one of those (one per dimension). The __index__ runs before the view's length is read:
// if it releases the view, that raises ValueError rather than reading freed memory (gh-92888).
int64_t view_index(Object* o, Object* key) {
    if (is_instance(key, &tuple_type) && as_tuple(key)->size == 1) key = as_tuple(key)->items[0];
    Ref index = is_int(key) ? Ref::borrow(key) : index_value(key);
    if (!index) invalid_key();
    int64_t i = as_index(index.get());
    int64_t n = item_count(o);
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "index out of bounds on dimension 1");
    return i;
}

Ref view_getitem(Object* o, Object* key) {
    MemoryView* v = as_view(o);
    if (type_of(key) == &slice_type) {
        Ref bounds = slice_with_int_bounds(static_cast<Slice*>(key));  // __index__ first, as above
        int64_t start, stop, step;
        int64_t count = slice_indices(static_cast<Slice*>(bounds.get()), item_count(o), &start, &stop, &step);
        Ref view = copy_view(v);
        MemoryView* s = as_view(view.get());
        s->whole = false;
        s->offset = v->offset + start * v->step;
        s->step = v->step * step;
        s->count = count;
        return view;
    }
    return item_at(o, view_index(o, key));
}

// CPython's memory_hash: the hash of the bytes the view shows, for a read-only view of byte
// items, remembered; the object viewed must be hashable too.
int64_t view_hash(Object* o) {
    MemoryView* v = as_view(o);
    if (v->hash != -1) return v->hash;
    Object* obj = target(o);
    if (!v->readonly) raise(&ValueError_type, "cannot hash writable memoryview object");
    if (v->format != 'B' && v->format != 'b' && v->format != 'c')
        raise(&ValueError_type, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    minipy::hash(obj);
    Ref bytes = bytes_new(view_bytes(o));
    v->hash = minipy::hash(bytes.get());
    return v->hash;
}

// The format and item size a buffer's items have, for slice assignment's check.
void buffer_format(Object* o, char* f, int* size) {
    if (type_of(o) == &memoryview_type) {
        *f = as_view(o)->format;
        *size = as_view(o)->itemsize;
    } else if (is_bytes_like(o)) {
        *f = 'B';
        *size = 1;
    } else {
        *f = buffer_procs_of(o)->format(o);
        *size = buffer_procs_of(o)->itemsize(o);
    }
}

// view[i] = value, view[a:b] = a buffer of as many items of the same format: written into the
// object the view is over (a view of bytes is read-only).
// The index, the value and the slice bounds are converted (Python code may run, and release the
// view) before the object is taken and written.
void view_setitem(Object* o, Object* key, Object* value) {
    MemoryView* v = as_view(o);
    if (target(o) && v->readonly) raise(&TypeError_type, "cannot modify read-only memory");
    if (!value) raise(&TypeError_type, "cannot delete memory");
    auto size = static_cast<size_t>(v->itemsize);
    if (type_of(key) != &slice_type) {
        unsigned char buf[8];
        encode(value, v->format, v->itemsize, buf);
        int64_t i = view_index(o, key);
        Ref obj = Ref::borrow(target(o));
        return write_target(obj.get(), item_offset(v, i), reinterpret_cast<const char*>(buf), size);
    }
    Ref bounds = slice_with_int_bounds(static_cast<Slice*>(key));
    int64_t start, stop, step;
    int64_t count = slice_indices(static_cast<Slice*>(bounds.get()), item_count(o), &start, &stop, &step);
    if (!exports_buffer(value))
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(value)->name.c_str()));
    char f;
    int itemsize;
    buffer_format(value, &f, &itemsize);
    std::string data = bytes_like_data(value);  // a copy: the source may overlap the destination
    if (f != v->format || itemsize != v->itemsize || static_cast<int64_t>(data.size()) != count * v->itemsize)
        raise(&ValueError_type, "memoryview assignment: lvalue and rvalue have different structures");
    Ref obj = Ref::borrow(target(o));
    for (int64_t k = 0, i = start; k < count; ++k, i += step)
        write_target(obj.get(), item_offset(v, i), data.data() + k * v->itemsize, size);
}

Ref view_iter(Object* o) {
    target(o);
    return getitem_iter_new(o);
}

Ref view_repr(Object* o) {
    return str_new(format("<%smemory at %p>", as_view(o)->obj ? "" : "released ", static_cast<void*>(o)));
}

Ref items_list(Object* o) {
    Ref list = list_new();
    for (int64_t i = 0, n = item_count(o); i < n; ++i) list_append(list.get(), item_at(o, i).get());
    return list;
}

// Equal when the items are, whatever the formats (memoryview(array('i', [1])) == array('i', [1])).
Ref view_compare(Object* a, Object* b, CompareOp op) {
    if (op != CompareOp::Eq && op != CompareOp::Ne) return Ref::borrow(NotImplemented);
    bool released = !as_view(a)->obj || (type_of(b) == &memoryview_type && !as_view(b)->obj);
    if (released || !exports_buffer(b)) return Ref::borrow(bool_obj((a == b) == (op == CompareOp::Eq)));
    Ref other = type_of(b) == &memoryview_type ? Ref::borrow(b) : view_of(b);
    bool eq = equals(items_list(a).get(), items_list(other.get()).get());
    return Ref::borrow(bool_obj(eq == (op == CompareOp::Eq)));
}

Ref view_getattr(Object* o, Str* name) {
    const std::string& n = name->utf8;
    MemoryView* v = as_view(o);
    if (n == "obj") return Ref::borrow(target(o));
    if (n == "nbytes") return int_from_i64(item_count(o) * v->itemsize);
    if (n == "readonly") return Ref::borrow(bool_obj(target(o) && v->readonly));
    if (n == "itemsize") return int_from_i64(v->itemsize);
    if (n == "ndim") return int_from_i64(1);
    if (n == "format") return str_new(std::string(1, v->format));
    if (n == "contiguous" || n == "c_contiguous" || n == "f_contiguous")
        return Ref::borrow(bool_obj(is_contiguous(v)));
    if (n == "shape" || n == "strides") {
        Ref item = int_from_i64(n == "shape" ? item_count(o) : v->whole ? v->itemsize : v->step);
        Object* one = item.get();
        return tuple_from(&one, 1);
    }
    if (n == "suboffsets") return tuple_new(0);
    return generic_getattr(o, name);
}

Ref view_tobytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tobytes", nargs - 1, kw, 0, 1);
    return bytes_new(view_bytes(args[0]));
}

Ref view_tolist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tolist", nargs - 1, kw, 0, 0);
    target(args[0]);
    return items_list(args[0]);
}

// memoryview.cast(format): the same bytes seen as items of another native format (re's compiler
// reads its charset bitmaps as 'I' words); one dimension, of a contiguous view, a byte format on
// one side, as CPython's.
Ref view_cast(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("cast", nargs - 1, kw, 1, 1);
    MemoryView* v = as_view(args[0]);
    target(args[0]);
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
    if (!is_contiguous(v)) raise(&TypeError_type, "memoryview: casts are restricted to C-contiguous views");
    auto is_byte = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
    if (!is_byte(v->format) && !is_byte(f[0]))
        raise(&TypeError_type, "memoryview: cannot cast between two non-byte formats");
    int64_t nbytes = item_count(args[0]) * v->itemsize;
    if (nbytes % size) raise(&TypeError_type, "memoryview: length is not a multiple of itemsize");
    return recast(v, f[0], size, nbytes);
}

// toreadonly(): the same items, through a view that refuses writes (pickle's READONLY_BUFFER).
Ref view_toreadonly(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("toreadonly", nargs - 1, kw, 0, 0);
    target(args[0]);
    Ref view = copy_view(as_view(args[0]));
    as_view(view.get())->readonly = true;
    return view;
}

// hex(sep, bytes_per_sep): bytes.hex of the viewed bytes, with the same arguments.
Ref view_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref b = bytes_new(view_bytes(args[0]));
    return call(get_attr(b.get(), intern("hex")).get(), args + 1, nargs - 1, kw);
}

Ref view_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs - 1, kw, 0, 0);
    release_target(as_view(args[0]));
    return Ref::borrow(None);
}

Ref view_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    target(args[0]);
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
    {"toreadonly", view_toreadonly, "Return a readonly version of the memoryview."},
    {"__enter__", view_enter, nullptr},
    {"__exit__", view_exit, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- pickle.PickleBuffer (protocol 5's out-of-band buffers, PEP 574) ----
// A wrapper that tells the pickler an object's bytes may travel outside the pickle: it holds a view
// of the object (an export, so a bytearray keeps its size) until release().

struct PickleBuffer : Object {
    MINIPY_GC_ALLOCATED
    Object* view;  // owned: a memoryview of the wrapped object (private to it); null once released
};

PickleBuffer* as_pickle_buffer(Object* o) { return static_cast<PickleBuffer*>(o); }

Object* picklebuffer_view(Object* o) {
    Object* view = as_pickle_buffer(o)->view;
    if (!view) raise(&ValueError_type, "operation forbidden on released PickleBuffer object");
    return view;
}

void picklebuffer_clear(Object* o) {
    if (Object* view = std::exchange(as_pickle_buffer(o)->view, nullptr)) {
        release_target(as_view(view));
        decref(view);
    }
}

void picklebuffer_dealloc(Object* o) {
    weakrefs_clear(o);
    picklebuffer_clear(o);
    delete as_pickle_buffer(o);
}

// The wrapped object, as CPython's picklebuf_traverse: the view between them is the buffer's alone,
// so its reference counts as the buffer's (a bytes subclass whose attribute holds its own
// PickleBuffer is a cycle the collector frees).
void picklebuffer_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* view = as_pickle_buffer(o)->view)
        if (Object* obj = as_view(view)->obj) visit(obj, arg);
}

Ref picklebuffer_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("PickleBuffer", nargs, kw, 1, 1);
    Object* object = args[0];
    if (!exports_buffer(object))
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(object)->name.c_str()));
    Ref view = view_construct(nullptr, &object, 1, nullptr);
    auto* b = new PickleBuffer();
    init_header(b, &picklebuffer_type);
    b->view = view.release();
    return Ref::steal(b);
}

// raw(): the wrapped bytes as a one-dimensional memoryview of unsigned bytes ('B').
Ref picklebuffer_raw(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("raw", nargs - 1, kw, 0, 0);
    MemoryView* v = as_view(picklebuffer_view(args[0]));
    if (!is_contiguous(v)) raise(&BufferError_type, "cannot extract raw buffer from non-contiguous buffer");
    return recast(v, 'B', 1, item_count(v) * v->itemsize);
}

Ref picklebuffer_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs - 1, kw, 0, 0);
    picklebuffer_clear(args[0]);
    return Ref::borrow(None);
}

const MethodDef kPickleBufferMethods[] = {
    {"raw", picklebuffer_raw,
     "Return a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer "
     "isn't contiguous."},
    {"release", picklebuffer_release, "Release the underlying buffer exposed by the PickleBuffer object."},
    {nullptr, nullptr, nullptr},
};

// What bytes(b), file.write(b) and the other bytes-like readers take from it: the view's bytes.
size_t picklebuffer_size(Object* o) {
    Object* view = picklebuffer_view(o);
    return static_cast<size_t>(item_count(view) * as_view(view)->itemsize);
}
bool picklebuffer_read(Object* o, size_t offset, size_t n, char* out) {
    std::string data = view_bytes(picklebuffer_view(o));
    if (offset + n > data.size()) return false;
    std::memcpy(out, data.data() + offset, n);
    return true;
}
bool picklebuffer_write(Object*, size_t, const char*, size_t) { return false; }
char picklebuffer_format(Object* o) { return as_view(picklebuffer_view(o))->format; }
int picklebuffer_itemsize(Object* o) { return as_view(picklebuffer_view(o))->itemsize; }

const BufferProcs kPickleBufferProcs = {picklebuffer_size,   picklebuffer_read,     picklebuffer_write,
                                        picklebuffer_format, picklebuffer_itemsize, nullptr};

}  // namespace

Type picklebuffer_type;

void init_picklebuffer_type() {
    Type& t = picklebuffer_type;
    t.name = "pickle.PickleBuffer";
    t.instance_size = sizeof(PickleBuffer);
    t.dealloc = picklebuffer_dealloc;
    t.traverse = picklebuffer_traverse;
    t.clear = picklebuffer_clear;
    t.construct = picklebuffer_construct;
    t.methods = kPickleBufferMethods;
    init_type(&t);
    dict_set(t.dict, intern("__doc__"), str_new("Wrapper for potentially out-of-band buffers").get());
    allow_weak_references(&t);
    register_buffer(&t, &kPickleBufferProcs);
}

Object* memoryview_target(Object* view) {
    Object* obj = as_view(view)->obj;
    if (!obj) raise(&ValueError_type, "operation forbidden on released memoryview object");
    return obj;
}

std::string memoryview_bytes(Object* view) { return view_bytes(view); }

void init_memoryview_type() {
    Type& t = memoryview_type;
    t.name = "memoryview";
    t.instance_size = sizeof(MemoryView);
    t.dealloc = view_dealloc;
    t.construct = view_construct;
    t.len = view_len;
    t.getitem = view_getitem;
    t.setitem = view_setitem;
    t.iter = view_iter;
    t.repr = view_repr;
    t.compare = view_compare;
    t.hash = view_hash;
    t.getattr = view_getattr;
    t.methods = kViewMethods;
    t.collection_flags = kTypeSequence;
    init_type(&t);
    add_attribute_descriptors(&t, {"obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape",
                                   "strides", "suboffsets", "c_contiguous", "f_contiguous", "contiguous"});
}

}  // namespace minipy
