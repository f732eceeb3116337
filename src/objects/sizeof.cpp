// sizeof.cpp — object.__sizeof__ and the __sizeof__ of the built-in types whose objects own memory
// beyond their struct: the bytes an object holds, which sys.getsizeof reports (plus the collector's
// header). minipy's layout is not CPython's, so the figures differ from CPython's; they are this
// process's own sizes: the struct, and the arrays and text the object allocated.
#include <gmp.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/slots.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// The bytes a std::string allocated apart from the object: none while its text fits the string's
// own small buffer (the capacity of an empty string).
size_t text_bytes(const std::string& s) {
    static const size_t kInline = std::string().capacity();
    return s.capacity() > kInline ? s.capacity() + 1 : 0;
}

// The struct an instance of t is: its built-in layout's, or for a class made by `class` statements
// alone, an Instance with its __slots__ values (CPython's tp_basicsize).
size_t basic_size(Type* t) {
    if (Type* native = native_base(t)) return native->instance_size ? native->instance_size : sizeof(Object);
    if (!is_heap_type(t)) return object_type.instance_size;
    size_t size = sizeof(Instance);
    if (t->slot_count) size += sizeof(SlotValues) + t->slot_count * sizeof(Object*);
    return size;
}

// Owner.__sizeof__(self), taking no further arguments as CPython's: "list.__sizeof__() takes no
// arguments (1 given)".
template <Type* Owner, size_t (*Size)(Object*)>
Ref sizeof_method(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__sizeof__");
    if (nargs != 1)
        raise(&TypeError_type,
              format("%s.__sizeof__() takes no arguments (%zu given)", Owner->name.c_str(), nargs - 1));
    return int_from_i64(static_cast<int64_t>(Size(args[0])));
}

size_t object_size(Object* o) { return basic_size(type_of(o)); }

// An int as a BigInt holding it would be: small ints (tagged immediates) and bools take what a
// boxed int of their value takes, one limb unless zero, as CPython's ints take a digit.
size_t int_size(Object* o) {
    if (is_small_int(o)) return sizeof(BigInt) + (small_int_value(o) ? sizeof(mp_limb_t) : 0);
    if (o->type == &bool_type) return sizeof(BigInt) + (o == True ? sizeof(mp_limb_t) : 0);
    return sizeof(BigInt) +
           static_cast<size_t>(static_cast<BigInt*>(o)->value->_mp_alloc) * sizeof(mp_limb_t);
}

size_t str_size(Object* o) { return sizeof(Str) + text_bytes(as_str(o)->utf8); }

size_t bytes_size(Object* o) { return sizeof(Bytes) + text_bytes(static_cast<Bytes*>(o)->data); }

size_t bytearray_size(Object* o) {
    auto* b = static_cast<ByteArray*>(o);
    CriticalSection cs(b->mutex);
    return sizeof(ByteArray) + text_bytes(b->data);
}

// Tuple declares one item inline; the others follow it.
size_t tuple_size(Object* o) { return sizeof(Tuple) + (as_tuple(o)->size - 1) * sizeof(Object*); }

size_t list_size(Object* o) {
    auto* l = static_cast<List*>(o);
    CriticalSection cs(l->mutex);
    return sizeof(List) + l->items.capacity() * sizeof(Object*);
}

size_t dict_size_of(Object* o) {
    Dict* d = as_dict(o);
    CriticalSection cs(d->mutex);
    return sizeof(Dict) + d->entries.capacity() * sizeof(DictEntry) +
           (d->index ? d->index_size * sizeof(int32_t) : 0);
}

size_t set_size_of(Object* o) {
    SetObject* s = as_set(o);
    CriticalSection cs(s->mutex);
    return sizeof(SetObject) + (s->table != s->small ? (s->mask + 1) * sizeof(SetEntry) : 0);
}

constexpr const char* kSizeofDoc = "Size of object in memory, in bytes.";

template <Type* Owner, size_t (*Size)(Object*)>
const MethodDef kSizeof[] = {{"__sizeof__", sizeof_method<Owner, Size>, kSizeofDoc},
                             {nullptr, nullptr, nullptr}};

}  // namespace

void init_sizeof_methods() {
    add_methods(&object_type, kSizeof<&object_type, object_size>);
    add_methods(&int_type, kSizeof<&int_type, int_size>);
    add_methods(&str_type, kSizeof<&str_type, str_size>);
    add_methods(&bytes_type, kSizeof<&bytes_type, bytes_size>);
    add_methods(&bytearray_type, kSizeof<&bytearray_type, bytearray_size>);
    add_methods(&tuple_type, kSizeof<&tuple_type, tuple_size>);
    add_methods(&list_type, kSizeof<&list_type, list_size>);
    add_methods(&dict_type, kSizeof<&dict_type, dict_size_of>);
    add_methods(&set_type, kSizeof<&set_type, set_size_of>);
    add_methods(&frozenset_type, kSizeof<&frozenset_type, set_size_of>);
}

}  // namespace minipy
