// str.h — Python's str: immutable Unicode text stored as UTF-8, with its length in code points and
// an all-ASCII flag that makes indexing O(1) for the common case. Hash is cached.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

extern Type str_type;

struct Str : Object {
    std::string utf8;
    int64_t length;  // in code points
    // -1: not computed yet. Threads may compute it at once; each stores the same value, so relaxed
    // atomic loads and stores (plain moves) are all it needs.
    std::atomic<int64_t> hash_cache;
    bool ascii;
};

Ref str_new(std::string_view utf8);  // the text must be valid UTF-8
Ref str_from_codepoint(uint32_t cp);
// The interned, immortal str for an identifier or constant; equal texts give the same object.
Str* intern(std::string_view utf8);
// Whether `s` is the interned str for its text (the code cache keeps interned constants interned).
bool str_is_interned(const Str* s);
inline Str* as_str(Object* o) { return static_cast<Str*>(o); }
// Exactly str; subclass instances share the layout and pass is_instance(o, &str_type).
inline bool is_str(const Object* o) { return type_of(o) == &str_type; }
// `o` itself when it is exactly a str, else a new str with its text: what str's operators and
// methods give back for a subclass instance (CPython's unicode_result_unchanged).
Ref str_exact(Object* o);
inline const std::string& str_utf8_of(const Object* o) { return static_cast<const Str*>(o)->utf8; }
inline bool str_equal(const Str* a, const Str* b) {
    return a == b || (a->length == b->length && a->utf8 == b->utf8);
}
// `a op b` for two strs, as str's rich comparison: == and != by text, the orderings by UTF-8 bytes,
// which is code point order (str_compare, and COMPARE_OP's inline path for two exact strs).
inline bool str_compare_texts(const Str* a, const Str* b, CompareOp op) {
    if (op == CompareOp::Eq) return str_equal(a, b);
    if (op == CompareOp::Ne) return !str_equal(a, b);
    int c = a->utf8.compare(b->utf8);
    return op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
}
int64_t str_hash(Str* s);
std::string str_repr_text(std::string_view utf8);  // the repr with CPython's quote choice
Ref str_join(Object* sep, Object* iterable);
Ref str_concat(Object* a, Object* b);

// ---- UTF-8 helpers shared by str.cpp, str_methods.cpp and the str iterator ----
// Decodes the code point starting at p and advances p past it.
uint32_t utf8_decode(const char*& p);
void utf8_append(std::string& out, uint32_t cp);
// Byte offset of code point `index` (0 <= index <= length); O(1) for ASCII text.
size_t str_byte_offset(const Str* s, int64_t index);
// The single-character str for code point `index` of `s`.
Ref str_char_at(const Str* s, int64_t index);
// The text int() and float() parse, as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: the
// decimal digits of every script become ASCII digits ('٣' -> '3'), Unicode spaces blanks, and any
// other non-ASCII character '?', which no literal accepts. ASCII text comes back as it is; other
// text is converted into `storage`.
std::string_view ascii_number_text(const std::string& utf8, std::string& storage);
// Reads a str argument or raises "<what> must be str, not <type>" (CPython's text; an empty `what`
// gives "must be str, not <type>", as str.find and str.partition say).
const Str* expect_str(Object* o, const char* what);
// Formatting (str_format.cpp): `fmt % args`, str.format with keyword arguments in `mapping`
// (a dict, may be null), str.format_map, and ascii(o) (repr with non-ASCII escaped).
Ref str_percent_format(Object* fmt, Object* args);
Ref str_format(Object* fmt, Object* const* args, size_t nargs, Object* mapping);
Ref str_format_map(Object* fmt, Object* mapping);
std::string ascii_repr_text(Object* o);
// The methods table, defined in str_methods.cpp.
extern const MethodDef str_methods[];

}  // namespace minipy
