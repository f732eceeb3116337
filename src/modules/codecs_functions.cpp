// codecs_functions.cpp — the codec functions of `_codecs` that encodings/ calls (utf_8_decode,
// charmap_encode, ...), with CPython's positional signatures: each returns (result, length used).
#include <string>

#include "modules/codecs_module.h"
#include "modules/codecs_unicode.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref result_pair(Ref value, size_t used) {
    Ref n = int_from_i64(static_cast<int64_t>(used));
    Object* items[2] = {value.get(), n.get()};
    return tuple_from(items, 2);
}

Ref str_result(const std::u32string& s, size_t used) { return result_pair(str_new(utf32_to_utf8(s)), used); }
Ref bytes_result(const std::string& b, size_t used) { return result_pair(bytes_new(b), used); }

// The arguments of one codec call: positional only, as CPython's argument clinic declares them.
struct CallArgs {
    const char* fname;
    Args args;
    size_t nargs;

    Object* at(size_t i) const { return i < nargs && args[i] != None ? args[i] : nullptr; }

    std::u32string text(size_t i) const {
        if (!is_instance(args[i], &str_type)) {
            std::string which =
                nargs == 1 && std::string(fname) == "charmap_build" ? "" : format(" %zu", i + 1);
            raise(&TypeError_type, format("%s() argument%s must be str, not %s", fname, which.c_str(),
                                          type_of(args[i])->name.c_str()));
        }
        return utf8_to_utf32(str_utf8_of(args[i]));
    }
    // A bytes-like object; a str too (its UTF-8) where CPython's 's*' format accepts one.
    std::string data(size_t i, bool accept_str = false) const {
        if (accept_str && is_instance(args[i], &str_type)) return str_utf8_of(args[i]);
        if (!exports_buffer(args[i]))
            raise(&TypeError_type,
                  format("a bytes-like object is required, not '%s'", type_of(args[i])->name.c_str()));
        return bytes_like_data(args[i]);
    }
    Object* errors(size_t i) const {
        Object* e = at(i);
        if (e && !is_instance(e, &str_type))
            raise(&TypeError_type, format("%s() argument %zu must be str or None, not %s", fname, i + 1,
                                          type_of(e)->name.c_str()));
        return e;
    }
    bool flag(size_t i, bool fallback) const { return i < nargs ? is_true(args[i]) : fallback; }
    int byteorder(size_t i) const { return i < nargs ? static_cast<int>(as_index(args[i])) : 0; }
};

CallArgs positional(const char* fname, Args args, size_t nargs, Tuple* kw, size_t min, size_t max) {
    check_positional(fname, nargs, kw, min, max);
    return {fname, args, nargs};
}

// ---- utf-8, ascii, latin-1 ----
Ref utf_8_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("utf_8_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    EncodeErrors e("utf-8", s, a.errors(1));
    return bytes_result(encode_utf8(s, e), s.size());
}

Ref utf_8_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("utf_8_decode", args, nargs, kw, 1, 3);
    std::string d = a.data(0);
    DecodeErrors e("utf-8", d, a.errors(1));
    size_t used;
    bool final = a.flag(2, false);
    std::u32string s = decode_utf8(d, e, final, &used);
    return str_result(s, final ? d.size() : used);
}

Ref ascii_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("ascii_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    EncodeErrors e("ascii", s, a.errors(1));
    return bytes_result(encode_single_byte(s, 0x80, e), s.size());
}

Ref ascii_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("ascii_decode", args, nargs, kw, 1, 2);
    std::string d = a.data(0);
    DecodeErrors e("ascii", d, a.errors(1));
    return str_result(decode_ascii(d, e), d.size());
}

Ref latin_1_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("latin_1_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    EncodeErrors e("latin-1", s, a.errors(1));
    return bytes_result(encode_single_byte(s, 0x100, e), s.size());
}

Ref latin_1_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("latin_1_decode", args, nargs, kw, 1, 2);
    std::string d = a.data(0);
    a.errors(1);
    return str_result(decode_latin1(d), d.size());
}

Ref utf_7_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("utf_7_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    a.errors(1);
    return bytes_result(encode_utf7(s), s.size());
}

Ref utf_7_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("utf_7_decode", args, nargs, kw, 1, 3);
    std::string d = a.data(0);
    DecodeErrors e("utf7", d, a.errors(1));
    size_t used;
    bool final = a.flag(2, false);
    std::u32string s = decode_utf7(d, e, final, &used);
    return str_result(s, final ? d.size() : used);
}

// ---- utf-16 and utf-32: one pair of helpers serves both widths and every byte order ----
Ref wide_encode(const char* fname, int width, int fixed_order, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional(fname, args, nargs, kw, 1, fixed_order ? 2 : 3);
    std::u32string s = a.text(0);
    int order = fixed_order ? fixed_order : a.byteorder(2);
    std::string name = width == 16 ? "utf-16" : "utf-32";
    if (order) name += order < 0 ? "-le" : "-be";
    EncodeErrors e(name, s, a.errors(1));
    return bytes_result(width == 16 ? encode_utf16(s, e, order) : encode_utf32(s, e, order), s.size());
}

// ex: the (str, used, byteorder) form that reads the byte order argument and reports the BOM found.
Ref wide_decode(const char* fname, int width, int fixed_order, bool ex, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional(fname, args, nargs, kw, 1, ex ? 4 : 3);
    std::string d = a.data(0);
    int order = fixed_order ? fixed_order : ex ? a.byteorder(2) : 0;
    bool final = a.flag(ex ? 3 : 2, false);
    std::string name = width == 16 ? "utf-16" : "utf-32";
    if (fixed_order) name += order < 0 ? "-le" : "-be";
    DecodeErrors e(name, d, a.errors(1));
    size_t used;
    std::u32string s =
        width == 16 ? decode_utf16(d, e, &order, final, &used) : decode_utf32(d, e, &order, final, &used);
    if (final) used = d.size();  // the input's whole length, whatever an error handler made of it
    if (!ex) return str_result(s, used);
    Ref text = str_new(utf32_to_utf8(s)), n = int_from_i64(static_cast<int64_t>(used)),
        bo = int_from_i64(order);
    Object* items[3] = {text.get(), n.get(), bo.get()};
    return tuple_from(items, 3);
}

#define MINIPY_WIDE_CODEC(name, width, order)                                      \
    Ref name##_encode(Object*, Args args, size_t nargs, Tuple* kw) {               \
        return wide_encode(#name "_encode", width, order, args, nargs, kw);        \
    }                                                                              \
    Ref name##_decode(Object*, Args args, size_t nargs, Tuple* kw) {               \
        return wide_decode(#name "_decode", width, order, false, args, nargs, kw); \
    }
MINIPY_WIDE_CODEC(utf_16, 16, 0)
MINIPY_WIDE_CODEC(utf_16_le, 16, -1)
MINIPY_WIDE_CODEC(utf_16_be, 16, 1)
MINIPY_WIDE_CODEC(utf_32, 32, 0)
MINIPY_WIDE_CODEC(utf_32_le, 32, -1)
MINIPY_WIDE_CODEC(utf_32_be, 32, 1)
#undef MINIPY_WIDE_CODEC

Ref utf_16_ex_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    return wide_decode("utf_16_ex_decode", 16, 0, true, args, nargs, kw);
}
Ref utf_32_ex_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    return wide_decode("utf_32_ex_decode", 32, 0, true, args, nargs, kw);
}

// ---- the escape codecs ----
Ref unicode_escape_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("unicode_escape_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    a.errors(1);
    return bytes_result(encode_unicode_escape(s, false), s.size());
}

Ref raw_unicode_escape_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("raw_unicode_escape_encode", args, nargs, kw, 1, 2);
    std::u32string s = a.text(0);
    a.errors(1);
    return bytes_result(encode_unicode_escape(s, true), s.size());
}

Ref escape_decoder(const char* fname, const char* encoding, bool raw, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional(fname, args, nargs, kw, 1, 3);
    std::string d = a.data(0, true);
    DecodeErrors e(encoding, d, a.errors(1));
    size_t used;
    bool final = a.flag(2, true);
    std::u32string s = decode_unicode_escape(d, e, raw, final, &used);
    return str_result(s, final ? d.size() : used);
}

Ref unicode_escape_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    return escape_decoder("unicode_escape_decode", "unicodeescape", false, args, nargs, kw);
}
Ref raw_unicode_escape_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    return escape_decoder("raw_unicode_escape_decode", "rawunicodeescape", true, args, nargs, kw);
}

// escape_encode/escape_decode: bytes <-> the text of a bytes literal (the "string_escape" codec).
Ref escape_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("escape_encode", args, nargs, kw, 1, 2);
    if (!is_bytes(args[0]))
        raise(&TypeError_type,
              format("escape_encode() argument 1 must be bytes, not %s", type_of(args[0])->name.c_str()));
    const std::string& d = bytes_data(args[0]);
    a.errors(1);
    std::string out = bytes_escape_text(d, '\'');
    return bytes_result(out, d.size());
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Ref escape_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("escape_decode", args, nargs, kw, 1, 2);
    std::string d = a.data(0, true);
    Object* errors = a.errors(1);
    std::string mode = errors ? str_utf8_of(errors) : "strict";
    std::string out;
    size_t i = 0, n = d.size();
    while (i < n) {
        if (d[i] != '\\') {
            out += d[i++];
            continue;
        }
        if (++i >= n) raise(&ValueError_type, "Trailing \\ in string");
        char k = d[i++];
        switch (k) {
            case '\n':
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                if (i + 1 < n && hex_digit(d[i]) >= 0 && hex_digit(d[i + 1]) >= 0) {
                    out += static_cast<char>(hex_digit(d[i]) * 16 + hex_digit(d[i + 1]));
                    i += 2;
                    break;
                }
                if (mode == "strict")
                    raise(&ValueError_type, format("invalid \\x escape at position %zu", i - 2));
                if (mode == "replace") {
                    out += '?';
                } else if (mode != "ignore") {
                    raise(&ValueError_type, "decoding error; unknown error handling code: " + mode);
                }
                while (i < n && hex_digit(d[i]) >= 0 && i < n) ++i;  // skip the partial escape's digits
                break;
            }
            default:
                if (k >= '0' && k <= '7') {
                    int v = k - '0';
                    for (int extra = 0; extra < 2 && i < n && d[i] >= '0' && d[i] <= '7'; ++extra)
                        v = v * 8 + (d[i++] - '0');
                    out += static_cast<char>(v & 0xFF);
                } else {
                    out += '\\';
                    out += k;
                }
        }
    }
    return bytes_result(out, n);
}

// ---- charmap ----
Ref charmap_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("charmap_encode", args, nargs, kw, 1, 3);
    std::u32string s = a.text(0);
    EncodeErrors e("charmap", s, a.errors(1));
    return bytes_result(encode_charmap(s, e, a.at(2)), s.size());
}

Ref charmap_decode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("charmap_decode", args, nargs, kw, 1, 3);
    std::string d = a.data(0);
    DecodeErrors e("charmap", d, a.errors(1));
    return str_result(decode_charmap(d, e, a.at(2)), d.size());
}

// The encoding table for a 256-character decoding table: {code point: byte}. CPython returns an
// opaque EncodingMap; a dict is what charmap_encode accepts as well.
Ref charmap_build(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("charmap_build", args, nargs, kw, 1, 1);
    std::u32string table = a.text(0);
    Ref map = dict_new();
    for (size_t i = 0; i < table.size(); ++i) {
        if (table[i] == 0xFFFE) continue;  // undefined in the decoding table: unmapped here too
        Ref key = int_from_i64(table[i]), value = int_from_i64(static_cast<int64_t>(i));
        if (!dict_get(as_dict(map.get()), key.get())) dict_set(as_dict(map.get()), key.get(), value.get());
    }
    return map;
}

Ref readbuffer_encode(Object*, Args args, size_t nargs, Tuple* kw) {
    CallArgs a = positional("readbuffer_encode", args, nargs, kw, 1, 2);
    std::string d = a.data(0, true);
    a.errors(1);
    return bytes_result(d, d.size());
}

const MethodDef kCodecFunctions[] = {
    {"utf_7_encode", utf_7_encode, "The utf_7_encode codec function (see codecs.py)."},
    {"utf_7_decode", utf_7_decode, "The utf_7_decode codec function (see codecs.py)."},
    {"utf_8_encode", utf_8_encode, "The utf_8_encode codec function (see codecs.py)."},
    {"utf_8_decode", utf_8_decode, "The utf_8_decode codec function (see codecs.py)."},
    {"ascii_encode", ascii_encode, "The ascii_encode codec function (see codecs.py)."},
    {"ascii_decode", ascii_decode, "The ascii_decode codec function (see codecs.py)."},
    {"latin_1_encode", latin_1_encode, "The latin_1_encode codec function (see codecs.py)."},
    {"latin_1_decode", latin_1_decode, "The latin_1_decode codec function (see codecs.py)."},
    {"utf_16_encode", utf_16_encode, "The utf_16_encode codec function (see codecs.py)."},
    {"utf_16_decode", utf_16_decode, "The utf_16_decode codec function (see codecs.py)."},
    {"utf_16_le_encode", utf_16_le_encode, "The utf_16_le_encode codec function (see codecs.py)."},
    {"utf_16_le_decode", utf_16_le_decode, "The utf_16_le_decode codec function (see codecs.py)."},
    {"utf_16_be_encode", utf_16_be_encode, "The utf_16_be_encode codec function (see codecs.py)."},
    {"utf_16_be_decode", utf_16_be_decode, "The utf_16_be_decode codec function (see codecs.py)."},
    {"utf_16_ex_decode", utf_16_ex_decode, "The utf_16_ex_decode codec function (see codecs.py)."},
    {"utf_32_encode", utf_32_encode, "The utf_32_encode codec function (see codecs.py)."},
    {"utf_32_decode", utf_32_decode, "The utf_32_decode codec function (see codecs.py)."},
    {"utf_32_le_encode", utf_32_le_encode, "The utf_32_le_encode codec function (see codecs.py)."},
    {"utf_32_le_decode", utf_32_le_decode, "The utf_32_le_decode codec function (see codecs.py)."},
    {"utf_32_be_encode", utf_32_be_encode, "The utf_32_be_encode codec function (see codecs.py)."},
    {"utf_32_be_decode", utf_32_be_decode, "The utf_32_be_decode codec function (see codecs.py)."},
    {"utf_32_ex_decode", utf_32_ex_decode, "The utf_32_ex_decode codec function (see codecs.py)."},
    {"unicode_escape_encode", unicode_escape_encode,
     "The unicode_escape_encode codec function (see codecs.py)."},
    {"unicode_escape_decode", unicode_escape_decode,
     "The unicode_escape_decode codec function (see codecs.py)."},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode,
     "The raw_unicode_escape_encode codec function (see codecs.py)."},
    {"raw_unicode_escape_decode", raw_unicode_escape_decode,
     "The raw_unicode_escape_decode codec function (see codecs.py)."},
    {"escape_encode", escape_encode, "The escape_encode codec function (see codecs.py)."},
    {"escape_decode", escape_decode, "The escape_decode codec function (see codecs.py)."},
    {"charmap_encode", charmap_encode, "The charmap_encode codec function (see codecs.py)."},
    {"charmap_decode", charmap_decode, "The charmap_decode codec function (see codecs.py)."},
    {"charmap_build", charmap_build, "The charmap_build codec function (see codecs.py)."},
    {"readbuffer_encode", readbuffer_encode, "The readbuffer_encode codec function (see codecs.py)."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void add_codec_functions(Object* module) {
    for (const MethodDef* def = kCodecFunctions; def->name; ++def)
        dict_set(module_dict(module), intern(def->name), native_function_new(def, nullptr).get());
}

}  // namespace minipy
