// bytes_methods.h — what the two files of bytes and bytearray methods share: bytes_methods.cpp
// (searching, splitting, joining, the bytearray mutators) and bytes_ascii_methods.cpp (case,
// character classes, padding). Internal to src/objects; everything else uses bytes.h.
#pragma once

#include <string_view>

#include "objects/abstract.h"
#include "objects/bytes.h"

namespace minipy {

// Binds the named parameters of a method that takes keywords; out[0] is self, absent optionals are
// null. `names` starts with "self", which is left out of the argument counts of the error texts.
template <size_t N>
void bind_bytes_method(const char* fname, Object* const* args, size_t nargs, Tuple* kw,
                       const char* const (&names)[N], size_t required, Object** out) {
    out[0] = args[0];
    bind_args(fname, args + 1, nargs - 1, kw, names + 1, N - 1, required, out + 1);
}

// For a method CPython declares positional-only (args[0] is self, so nargs counts it): CPython's
// TypeErrors for keywords and for a count outside [min, max]. A method of exactly one or no
// argument says "bytes.f() takes ...", the others "f expected ...", as Argument Clinic does.
void check_bytes_positional(const char* fname, Object* const* args, size_t nargs, Tuple* kw, size_t min,
                            size_t max);

// A result of self's kind (bytes for bytes and its subclasses, bytearray for bytearray).
inline Ref bytes_result(Object* self, std::string_view data) { return bytes_of_type(type_of(self), data); }

// Where CPython hands back an exact bytes unchanged (b.ljust(0) is b): self when it is exactly
// bytes and `unchanged`, else a new result. A bytearray result is always a new object.
Ref bytes_result_or_self(Object* self, std::string_view data, bool unchanged);

// bytes_ascii_methods.cpp's methods, which both bytes' and bytearray's tables include.
extern const MethodDef bytes_ascii_methods[];

}  // namespace minipy
