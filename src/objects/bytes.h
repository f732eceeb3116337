// bytes.h — Python's bytes (immutable) and bytearray (mutable, locked per object in the
// free-threaded flavor): raw byte strings, their codecs (utf-8, ascii, latin-1) and shared helpers.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

extern Type bytes_type, bytearray_type, bytes_iterator_type, bytearray_iterator_type;

struct Bytes : Object {
    std::string data;
    int64_t hash_cache;  // -1: not computed yet
};

struct ByteArray : Object {
    ObjectMutex mutex;  // free-threaded flavor: each bytearray operation is atomic
    std::string data;
    std::atomic<int> exports{0};  // memoryviews of it not released: it may not change size
};

Ref bytes_new(std::string_view data);
Ref bytearray_new(std::string_view data);
// The same for `t`, bytes (bytearray) or a class derived from it.
Ref bytes_new_of(Type* t, std::string_view data);
Ref bytearray_new_of(Type* t, std::string_view data);
// Replaces the contents of a bytearray (bytearray.__init__ on an existing object).
void bytearray_assign(Object* bytearray, std::string_view data);
// CPython's bytearray refuses to change size while a memoryview of it exists (its buffer is
// exported): BufferError unless `new_size` is its present size. Called under the object's lock.
void check_resize(const ByteArray* a, size_t new_size);
inline bool is_bytes(const Object* o) { return is_instance(o, &bytes_type); }
inline bool is_bytearray(const Object* o) { return is_instance(o, &bytearray_type); }
inline bool is_bytes_like(const Object* o) { return is_bytes(o) || is_bytearray(o); }
inline const std::string& bytes_data(const Object* o) { return static_cast<const Bytes*>(o)->data; }

// A copy of the contents of a bytes, bytearray or memoryview, or of an object whose type registered a
// buffer; raises "a bytes-like object is required, not 'str'" for anything else.
std::string bytes_like_data(Object* o);
// x.__bytes__() when x's type defines it (checked to be bytes), else null.
Ref bytes_from_dunder(Object* o);
// `fmt % args` for a bytes or bytearray `fmt` (PEP 461), in str_format.cpp beside str's.
Ref bytes_percent_format(Object* fmt, Object* args);
// CPython's buffer protocol for types of higher layers (array.array): what bytes(x), memoryview(x)
// and every bytes-like argument read from them, and what a memoryview writes into them. Each
// function works under the object's own lock; read and write return false when the bytes asked for
// lie beyond the object's present end. `exports` (may be null) counts the memoryviews alive over
// the object (+1 when one is made, -1 when it is released): the object may refuse to change size
// while any is, as CPython's array does.
struct BufferProcs {
    size_t (*size)(Object*);  // in bytes
    bool (*read)(Object*, size_t offset, size_t n, char* out);
    bool (*write)(Object*, size_t offset, const char* in, size_t n);
    char (*format)(Object*);  // struct's letter for the items
    int (*itemsize)(Object*);
    void (*exports)(Object*, int delta);
};
void register_buffer(Type* t, const BufferProcs* procs);
// The procedures of a registered type's instance, or null.
const BufferProcs* buffer_procs_of(Object* o);
// Whether bytes_like_data accepts `o`: bytes, bytearray, memoryview or a registered type.
bool exports_buffer(Object* o);
// bytes.hex(sep, bytes_per_sep) and binascii.hexlify: two lowercase digits per byte, `sep` (a str
// or bytes of one character, null for none) between groups of |bytes_per_sep| bytes counted from
// the right (from the left when negative). A str sep must be ASCII, except for binascii, which
// writes a character up to U+00FF as its byte.
std::string hex_with_separator(std::string_view data, Object* sep, int bytes_per_sep, bool latin1_sep);
// Builds a bytes or bytearray of the given type (the result type of a shared method).
Ref bytes_of_type(Type* t, std::string_view data);
// b'...' with CPython's quote choice and escapes; bytearray wraps it as bytearray(b'...'), and
// escapes a single quote even between double quotes (bytearray(b"\'"), as CPython's).
std::string bytes_repr_text(std::string_view data, bool escape_single_quotes = false);
// The body of a bytes literal for `data` between `quote`s: \\, the quote, \t \n \r, \xhh for the rest
// outside printable ASCII (repr and the escape_encode codec).
std::string bytes_escape_text(std::string_view data, char quote);
// The contents for bytes(x) / bytearray(x): an int count of zeros, a bytes-like, an iterable of
// ints in range(256), or a str with an encoding.
std::string bytes_from_args(const char* fname, Object* source, Object* encoding, Object* errors);
// Reads a byte value (an int in range(256)) for bytearray item assignment and `in`.
unsigned char byte_value(Object* o);

// str <-> bytes through a codec: valid utf-8/ascii/latin-1 here, all else through the codec
// registry (objects/codec_hooks.h), with CPython's UnicodeError texts and error handlers.
Ref bytes_decode(std::string_view data, Object* encoding, Object* errors);
std::string str_encode(Object* str, Object* encoding, Object* errors);

// Fills in the slots bytearray shares with bytes (comparison, `in`, iteration, + and *).
void bytes_share_slots(Type& t);

// Method tables (bytes_methods.cpp), built on first use: bytes', and bytearray's (the methods they
// share plus its mutators).
const MethodDef* bytes_method_table();
const MethodDef* bytearray_method_table();

}  // namespace minipy
