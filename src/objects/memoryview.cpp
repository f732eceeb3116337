// memoryview.cpp — memoryview over bytes and bytearray (format 'B', one dimension): length, items,
// slices, tobytes/tolist/hex, release and the context manager. A slice copies the bytes it covers
// rather than sharing the buffer: minipy has no buffer protocol yet.
#include "objects/memoryview.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Type memoryview_type;

namespace {

using Args = Object* const*;

struct MemoryView : Object {
    Object* obj;  // owned; null once released
};

MemoryView* as_view(Object* o) { return static_cast<MemoryView*>(o); }

Object* target(Object* o) {
    Object* obj = as_view(o)->obj;
    if (!obj) raise(&ValueError_type, "operation forbidden on released memoryview object");
    return obj;
}

Ref view_of(Object* obj) {
    auto* v = new MemoryView();
    init_header(v, &memoryview_type);
    v->obj = newref(obj);
    return Ref::steal(v);
}

void view_dealloc(Object* o) {
    xdecref(as_view(o)->obj);
    delete as_view(o);
}

Ref view_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("memoryview", nargs, kw, 1, 1);
    if (type_of(args[0]) == &memoryview_type) return view_of(target(args[0]));
    if (!is_bytes_like(args[0]))
        raise(&TypeError_type, format("memoryview: a bytes-like object is required, not '%s'",
                                      type_of(args[0])->name.c_str()));
    return view_of(args[0]);
}

int64_t view_len(Object* o) { return static_cast<int64_t>(bytes_like_data(target(o)).size()); }

Ref view_getitem(Object* o, Object* key) {
    std::string data = bytes_like_data(target(o));
    if (type_of(key) == &slice_type)
        return view_of(bytes_new(bytes_like_data(get_item(bytes_new(data).get(), key).get())).get());
    int64_t i = as_index(key);
    int64_t n = static_cast<int64_t>(data.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "index out of bounds on dimension 1");
    return int_from_i64(static_cast<unsigned char>(data[static_cast<size_t>(i)]));
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
    if (n == "obj") return Ref::borrow(target(o));
    if (n == "nbytes") return int_from_i64(view_len(o));
    if (n == "readonly") return Ref::borrow(bool_obj(!is_bytearray(target(o))));
    if (n == "itemsize" || n == "ndim") return int_from_i64(1);
    if (n == "format") return str_new("B");
    if (n == "released") return Ref::borrow(bool_obj(!as_view(o)->obj));
    if (n == "contiguous" || n == "c_contiguous" || n == "f_contiguous") return Ref::borrow(True);
    if (n == "shape" || n == "strides") {
        Ref item = int_from_i64(n == "shape" ? view_len(o) : 1);
        Object* one = item.get();
        return tuple_from(&one, 1);
    }
    return generic_getattr(o, name);
}

Ref view_tobytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tobytes", nargs - 1, kw, 0, 1);
    return bytes_new(bytes_like_data(target(args[0])));
}

Ref view_tolist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tolist", nargs - 1, kw, 0, 0);
    Ref list = list_new();
    for (unsigned char c : bytes_like_data(target(args[0]))) list_append(list.get(), make_small_int(c));
    return list;
}

Ref view_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("hex", nargs - 1, kw, 0, 0);
    Ref b = bytes_new(bytes_like_data(target(args[0])));
    return call0(get_attr(b.get(), intern("hex")).get());
}

Ref view_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs - 1, kw, 0, 0);
    Object* obj = as_view(args[0])->obj;
    as_view(args[0])->obj = nullptr;
    xdecref(obj);
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
    {"hex", view_hex, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", view_release, "Release the underlying buffer exposed by the memoryview object."},
    {"__enter__", view_enter, nullptr},
    {"__exit__", view_exit, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_memoryview_type() {
    Type& t = memoryview_type;
    t.name = "memoryview";
    t.instance_size = sizeof(MemoryView);
    t.dealloc = view_dealloc;
    t.construct = view_construct;
    t.len = view_len;
    t.getitem = view_getitem;
    t.repr = view_repr;
    t.compare = view_compare;
    t.getattr = view_getattr;
    t.methods = kViewMethods;
    init_type(&t);
}

}  // namespace minipy
