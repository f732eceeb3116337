// bytearray.cpp — the mutable byte string: construction, repr, item and slice access and
// assignment. Every access holds the object's critical section, as list does, so each operation is
// atomic in the free-threaded flavor. Its methods are in bytes_methods.cpp.
#include <vector>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

Type bytearray_type;

Ref bytearray_new(std::string_view data) { return bytearray_new_of(&bytearray_type, data); }

// An instance of bytearray or of a class derived from it (with a GcHead: objects/gc.h).
Ref bytearray_new_of(Type* t, std::string_view data) {
    auto* a = new_object_of<ByteArray>(t);
    a->data.assign(data.data(), data.size());
    return Ref::steal(a);
}

void bytearray_assign(Object* o, std::string_view data) {
    auto* a = static_cast<ByteArray*>(o);
    CriticalSection cs(a->mutex);
    check_resize(a, data.size());
    a->data.assign(data.data(), data.size());
}

void check_resize(const ByteArray* a, size_t new_size) {
    if (new_size != a->data.size() && a->exports.load(std::memory_order_relaxed) > 0)
        raise(&BufferError_type, "Existing exports of data: object cannot be re-sized");
}

namespace {

ByteArray* as_bytearray(Object* o) { return static_cast<ByteArray*>(o); }

void bytearray_dealloc(Object* o) { delete_object_of(as_bytearray(o)); }

Ref bytearray_repr(Object* o) {
    return str_new(type_of(o)->name + "(" + bytes_repr_text(bytes_like_data(o), true) + ")");
}

int64_t bytearray_len(Object* o) {
    ByteArray* a = as_bytearray(o);
    CriticalSection cs(a->mutex);
    return static_cast<int64_t>(a->data.size());
}

Ref bytearray_getitem(Object* o, Object* key) {
    ByteArray* a = as_bytearray(o);
    if (is_int(key)) {
        int64_t i = as_subscript_index(key);
        CriticalSection cs(a->mutex);
        int64_t n = static_cast<int64_t>(a->data.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(&IndexError_type, "bytearray index out of range");
        return int_from_i64(static_cast<unsigned char>(a->data[i]));
    }
    if (type_of(key) == &slice_type) {
        Ref slice = slice_with_int_bounds(static_cast<Slice*>(key));  // first: __index__ may resize it
        std::string data = bytes_like_data(o), out;
        int64_t start, stop, step;
        int64_t n = slice_indices(static_cast<Slice*>(slice.get()), static_cast<int64_t>(data.size()), &start,
                                  &stop, &step);
        for (int64_t i = 0, k = start; i < n; ++i, k += step) out.push_back(data[k]);
        return bytearray_new(out);
    }
    if (Ref i = index_value(key)) return bytearray_getitem(o, i.get());
    raise(&TypeError_type,
          format("bytearray indices must be integers or slices, not %s", type_of(key)->name.c_str()));
}

// a[i:j:k] = value / del a[i:j:k]; the new bytes are read before the lock is taken.
void bytearray_set_slice(ByteArray* a, Slice* slice, Object* value) {
    Ref resolved = slice_with_int_bounds(slice);
    auto* s = static_cast<Slice*>(resolved.get());
    std::string repl;
    if (value) {
        if (is_int(value) || is_str(value))
            raise(&TypeError_type, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        repl = bytes_from_args("bytearray", value, nullptr, nullptr);
    }
    CriticalSection cs(a->mutex);
    int64_t start, stop, step;
    int64_t n = slice_indices(s, static_cast<int64_t>(a->data.size()), &start, &stop, &step);
    if (step == 1) {
        check_resize(a, a->data.size() - static_cast<size_t>(n) + repl.size());
        a->data.replace(static_cast<size_t>(start), static_cast<size_t>(n), repl);
        return;
    }
    // Assigning nothing to an extended slice deletes it, as CPython's bytearray_ass_subscript.
    if (!value || repl.empty()) {
        check_resize(a, a->data.size() - static_cast<size_t>(n));
        std::vector<bool> removed(a->data.size());
        for (int64_t i = 0, k = start; i < n; ++i, k += step) removed[k] = true;
        std::string kept;
        for (size_t i = 0; i < a->data.size(); ++i)
            if (!removed[i]) kept.push_back(a->data[i]);
        a->data = kept;
        return;
    }
    if (static_cast<int64_t>(repl.size()) != n)
        raise(&ValueError_type, format("attempt to assign bytes of size %zu to extended slice of size %lld",
                                       repl.size(), static_cast<long long>(n)));
    for (int64_t i = 0, k = start; i < n; ++i, k += step) a->data[k] = repl[i];
}

void bytearray_setitem(Object* o, Object* key, Object* value) {
    ByteArray* a = as_bytearray(o);
    if (type_of(key) == &slice_type) return bytearray_set_slice(a, static_cast<Slice*>(key), value);
    if (!is_int(key)) {
        if (Ref i = index_value(key)) return bytearray_setitem(o, i.get(), value);
        raise(&TypeError_type,
              format("bytearray indices must be integers or slices, not %s", type_of(key)->name.c_str()));
    }
    int64_t i = as_subscript_index(key);
    unsigned char byte = value ? byte_value(value) : 0;
    CriticalSection cs(a->mutex);
    int64_t n = static_cast<int64_t>(a->data.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "bytearray index out of range");
    if (value) {
        a->data[i] = static_cast<char>(byte);
        return;
    }
    check_resize(a, a->data.size() - 1);
    a->data.erase(static_cast<size_t>(i), 1);
}

Ref bytearray_inplace_add(Object* a, Object* b) {
    if (!exports_buffer(b))
        raise(&TypeError_type,
              format("can't concat %s to %s", type_of(b)->name.c_str(), type_of(a)->name.c_str()));
    std::string extra = bytes_like_data(b);
    ByteArray* self = as_bytearray(a);
    CriticalSection cs(self->mutex);
    check_resize(self, self->data.size() + extra.size());
    self->data += extra;
    return Ref::borrow(a);
}

// a *= n repeats the contents in place: `a` stays the same object, as CPython's.
Ref bytearray_inplace_mul(Object* a, Object* count) {
    if (!is_index_like(count)) return Ref::borrow(NotImplemented);
    int64_t n = as_index(count);
    ByteArray* self = as_bytearray(a);
    CriticalSection cs(self->mutex);
    if (n > 0) check_allocation(static_cast<uint64_t>(n), self->data.size());
    check_resize(self, n > 0 ? self->data.size() * static_cast<size_t>(n) : 0);
    self->data = repeated(self->data, n, self->data.size(), "repeated bytes are too long");
    return Ref::borrow(a);
}

Ref bytearray_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"source", "encoding", "errors"};
    Object* bound[3];
    bind_args("bytearray", args, nargs, kwnames, names, 3, 0, bound);
    return bytearray_new_of(static_cast<Type*>(type),
                            bytes_from_args("bytearray", bound[0], bound[1], bound[2]));
}

}  // namespace

void init_bytearray_type() {
    Type& t = bytearray_type;
    t.name = "bytearray";
    t.instance_size = sizeof(ByteArray);
    t.dealloc = bytearray_dealloc;
    t.repr = bytearray_repr;
    t.hash = hash_not_implemented;
    t.len = bytearray_len;
    t.getitem = bytearray_getitem;
    t.setitem = bytearray_setitem;
    t.construct = bytearray_construct;
    t.methods = bytearray_method_table();
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    bytes_share_slots(t);
    t.inplace[static_cast<size_t>(BinaryOp::Add)] = bytearray_inplace_add;
    t.inplace[static_cast<size_t>(BinaryOp::Mul)] = bytearray_inplace_mul;
    init_type(&t);
}

}  // namespace minipy
