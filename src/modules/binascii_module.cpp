// binascii_module.cpp — the native `binascii` (base64.py, uu, quopri, zipfile and test.support use
// it): hex, base64, uuencode and quoted-printable in both directions, crc32 and crc_hqx, with
// CPython 3.11's arguments, results and error texts, byte for byte.
#include <gmp.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_error = nullptr;       // binascii.Error (a ValueError), made at the first import
Object* g_incomplete = nullptr;  // binascii.Incomplete, which no function here raises (as in CPython)

[[noreturn]] void binascii_error(const std::string& message) {
    raise_object(call1(g_error, str_new(message).get()));
}

// ---- arguments ----

// The parameters of one function, as CPython's argument clinic declares them: the first
// `positional_only` cannot be named, those past `max_positional` must be, the first `required` must
// be given.
struct Signature {
    const char* fname;
    std::initializer_list<const char*> names;
    size_t positional_only;
    size_t max_positional;
    size_t required;
};

// Binds arguments to `out` (one borrowed entry per name, null when absent) with the clinic's
// checks in its order and its messages (Python/getargs.c's _PyArg_UnpackKeywords).
void bind(const Signature& sig, Args args, size_t nargs, Tuple* kwnames, Object** out) {
    const char* const* names = sig.names.begin();
    size_t count = sig.names.size(), nkw = kwnames ? kwnames->size : 0;
    if (nargs + nkw > count)
        raise(&TypeError_type, format("%s() takes at most %zu %sargument%s (%zu given)", sig.fname, count,
                                      nargs == 0 ? "keyword " : "", count == 1 ? "" : "s", nargs + nkw));
    size_t min_positional = std::min(sig.required, sig.max_positional);
    if (nargs > sig.max_positional)
        raise(&TypeError_type, format("%s() takes %s %zu positional argument%s (%zu given)", sig.fname,
                                      min_positional < sig.max_positional ? "at most" : "exactly",
                                      sig.max_positional, sig.max_positional == 1 ? "" : "s", nargs));
    size_t required_positional_only = std::min(sig.positional_only, min_positional);
    if (nargs < required_positional_only)
        raise(&TypeError_type,
              format("%s() takes %s %zu positional argument%s (%zu given)", sig.fname,
                     required_positional_only < sig.max_positional ? "at least" : "exactly",
                     required_positional_only, required_positional_only == 1 ? "" : "s", nargs));
    std::fill(out, out + count, nullptr);
    std::copy(args, args + nargs, out);
    size_t matched = 0;
    for (size_t i = std::max(nargs, sig.positional_only); i < count; ++i) {
        for (size_t k = 0; k < nkw; ++k) {
            if (str_utf8_of(kwnames->items[k]) == names[i]) {
                out[i] = args[nargs + k];
                ++matched;
            }
        }
        if (!out[i] && i < sig.required)
            raise(&TypeError_type,
                  format("%s() missing required argument '%s' (pos %zu)", sig.fname, names[i], i + 1));
    }
    if (matched == nkw) return;
    for (size_t i = sig.positional_only; i < nargs; ++i) {
        for (size_t k = 0; k < nkw; ++k) {
            if (str_utf8_of(kwnames->items[k]) == names[i])
                raise(&TypeError_type, format("argument for %s() given by name ('%s') and position (%zu)",
                                              sig.fname, names[i], i + 1));
        }
    }
    for (size_t k = 0; k < nkw; ++k) {
        const std::string& key = str_utf8_of(kwnames->items[k]);
        bool known = false;
        for (size_t i = sig.positional_only; i < count; ++i) known = known || key == names[i];
        if (!known)
            raise(&TypeError_type,
                  format("'%s' is an invalid keyword argument for %s()", key.c_str(), sig.fname));
    }
}

// A flag given as an int (backtick=, newline=, header=, ...): absent means `fallback`.
bool flag_argument(Object* o, bool fallback) { return o ? as_c_int(o) != 0 : fallback; }

// The clinic's `unsigned int(bitwise=True)` converter (the crc arguments): any int, taken modulo 2**32.
uint32_t crc_argument(Object* o) {
    Ref value = is_int(o) ? Ref::borrow(o) : index_value(o);
    if (!value) raise_not_an_integer(o);
    int64_t v;
    if (int_to_i64(value.get(), &v)) return static_cast<uint32_t>(v);
    mpz_t big;
    mpz_init(big);
    int_to_mpz(value.get(), big);
    mpz_fdiv_r_2exp(big, big, 32);
    auto low = static_cast<uint32_t>(mpz_get_ui(big));
    mpz_clear(big);
    return low;
}

// The input of the b2a_ functions: a bytes-like object.
std::string binary_argument(Object* o) { return bytes_like_data(o); }

// The input of the a2b_ functions: a bytes-like object, or a str of ASCII characters only.
std::string ascii_argument(Object* o) {
    if (is_instance(o, &str_type)) {
        if (!as_str(o)->ascii)
            raise(&ValueError_type, "string argument should contain only ASCII characters");
        return str_utf8_of(o);
    }
    if (!exports_buffer(o))
        raise(&TypeError_type,
              format("argument should be bytes, buffer or ASCII string, not '%s'", type_of(o)->name.c_str()));
    return bytes_like_data(o);
}

Ref bytes_result(const std::string& data) { return bytes_new(data); }

// ---- uuencode ----

// One line of uuencoded text: a length character, then the data, then trailing spaces or
// backticks. Missing characters at the end of a line count as zeros, as spaces eaten by mailers.
Ref a2b_uu(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("binascii.a2b_uu", nargs, kw, 1, 1);
    std::string text = ascii_argument(args[0]);
    // An empty line reads its length from the terminating NUL, as CPython: 32 zero bytes.
    const auto* in = reinterpret_cast<const unsigned char*>(text.c_str());
    size_t length = (*in++ - ' ') & 077;
    int64_t left = static_cast<int64_t>(text.size()) - 1;
    std::string out;
    uint32_t bits = 0;
    int nbits = 0;
    for (; out.size() < length; --left, ++in) {
        unsigned char c = left > 0 ? *in : 0;
        unsigned value = 0;
        if (c != '\n' && c != '\r' && left > 0) {
            // ' ' + 64 is '`', which some encoders write for zero instead of a space.
            if (c < ' ' || c > ' ' + 64) binascii_error("Illegal char");
            value = (c - ' ') & 077;
        }
        bits = (bits << 6) | value;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out += static_cast<char>((bits >> nbits) & 0xff);
            bits &= (1u << nbits) - 1;
        }
    }
    for (; left > 0; --left, ++in) {
        if (*in != ' ' && *in != ' ' + 64 && *in != '\n' && *in != '\r') binascii_error("Trailing garbage");
    }
    return bytes_result(out);
}

Ref b2a_uu(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    bind({"b2a_uu", {"data", "backtick"}, 1, 1, 1}, args, nargs, kw, a);
    std::string data = binary_argument(a[0]);
    bool backtick = flag_argument(a[1], false);
    if (data.size() > 45) binascii_error("At most 45 bytes at once");
    auto encode = [backtick](unsigned value) {
        return backtick && value == 0 ? '`' : static_cast<char>(' ' + value);
    };
    std::string out(1, encode(static_cast<unsigned>(data.size())));
    // Every three bytes become four characters; the last group is padded with zero bits.
    for (size_t i = 0; i < data.size(); i += 3) {
        uint32_t group = 0;
        for (size_t k = 0; k < 3; ++k)
            group = (group << 8) | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0);
        for (int shift = 18; shift >= 0; shift -= 6) out += encode((group >> shift) & 077);
    }
    out += '\n';
    return bytes_result(out);
}

// ---- base64 ----

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The value of each base64 character; 64 for every other byte.
constexpr std::array<unsigned char, 256> make_base64_values() {
    std::array<unsigned char, 256> values{};
    for (auto& v : values) v = 64;
    for (unsigned i = 0; i < 64; ++i) values[static_cast<unsigned char>(kBase64Alphabet[i])] = i;
    return values;
}
constexpr std::array<unsigned char, 256> kBase64Values = make_base64_values();

// Decodes base64. By default, as CPython, characters outside the alphabet are skipped and the
// first complete padding ends the data; strict_mode makes each of those an error.
Ref a2b_base64(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    bind({"a2b_base64", {"data", "strict_mode"}, 1, 1, 1}, args, nargs, kw, a);
    std::string text = ascii_argument(a[0]);
    bool strict = flag_argument(a[1], false);
    if (strict && !text.empty() && text[0] == '=') binascii_error("Leading padding not allowed");
    std::string out;
    int quad_pos = 0;  // how many characters of the current group of four were read
    unsigned carry = 0;
    int pads = 0;
    bool padding_started = false;
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < text.size()) binascii_error("Excess data after padding");
                return bytes_result(out);
            }
            continue;
        }
        unsigned value = kBase64Values[c];
        if (value >= 64) {
            if (strict) binascii_error("Only base64 data is allowed");
            continue;
        }
        if (strict && padding_started) binascii_error("Discontinuous padding not allowed");
        pads = 0;
        switch (quad_pos) {
            case 0:
                carry = value;
                break;
            case 1:
                out += static_cast<char>((carry << 2) | (value >> 4));
                carry = value & 0x0f;
                break;
            case 2:
                out += static_cast<char>((carry << 4) | (value >> 2));
                carry = value & 0x03;
                break;
            case 3:
                out += static_cast<char>((carry << 6) | value);
                carry = 0;
                break;
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    if (quad_pos == 1)
        binascii_error(
            format("Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more "
                   "than a multiple of 4",
                   out.size() / 3 * 4 + 1));
    if (quad_pos != 0) binascii_error("Incorrect padding");
    return bytes_result(out);
}

Ref b2a_base64(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    bind({"b2a_base64", {"data", "newline"}, 1, 1, 1}, args, nargs, kw, a);
    std::string data = binary_argument(a[0]);
    bool newline = flag_argument(a[1], true);
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4 + 1);
    for (size_t i = 0; i < data.size(); i += 3) {
        size_t n = std::min<size_t>(3, data.size() - i);
        uint32_t group = 0;
        for (size_t k = 0; k < 3; ++k)
            group = (group << 8) | (k < n ? static_cast<unsigned char>(data[i + k]) : 0);
        for (size_t k = 0; k < 4; ++k) out += k <= n ? kBase64Alphabet[(group >> (18 - 6 * k)) & 077] : '=';
    }
    if (newline) out += '\n';
    return bytes_result(out);
}

// ---- checksums ----

// CRC-CCITT as BinHex 4 uses it: polynomial 0x1021, most significant bit first, no final xor.
constexpr std::array<uint16_t, 256> make_crc_hqx_table() {
    std::array<uint16_t, 256> table{};
    for (unsigned byte = 0; byte < 256; ++byte) {
        unsigned crc = byte << 8;
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1;
        table[byte] = static_cast<uint16_t>(crc);
    }
    return table;
}
constexpr std::array<uint16_t, 256> kCrcHqxTable = make_crc_hqx_table();

Ref crc_hqx(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("binascii.crc_hqx");
    if (nargs != 2) raise_arg_count("crc_hqx", 2, 2, nargs);
    std::string data = binary_argument(args[0]);
    unsigned crc = crc_argument(args[1]) & 0xffff;
    for (unsigned char c : data) crc = ((crc << 8) & 0xff00) ^ kCrcHqxTable[(crc >> 8) ^ c];
    return int_from_i64(crc);
}

// zlib's crc32, as CPython's binascii uses when zlib is there.
Ref crc32(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("binascii.crc32");
    if (nargs < 1 || nargs > 2) raise_arg_count("crc32", 1, 2, nargs);
    std::string data = binary_argument(args[0]);
    uLong crc = nargs > 1 ? crc_argument(args[1]) : 0;
    const auto* p = reinterpret_cast<const Bytef*>(data.data());
    for (size_t left = data.size(); left > 0;) {
        auto chunk = static_cast<uInt>(std::min<size_t>(left, UINT32_MAX));
        crc = ::crc32(crc, p, chunk);
        p += chunk;
        left -= chunk;
    }
    return int_from_i64(static_cast<int64_t>(crc & 0xffffffffu));
}

// ---- hex ----

Ref hexlify_as(const char* fname, Args args, size_t nargs, Tuple* kw) {
    Object* a[3];
    bind({fname, {"data", "sep", "bytes_per_sep"}, 0, 3, 1}, args, nargs, kw, a);
    std::string data = binary_argument(a[0]);
    int per_sep = a[2] ? as_c_int(a[2]) : 1;
    return bytes_result(hex_with_separator(data, a[1], per_sep, true));
}

Ref b2a_hex(Object*, Args args, size_t nargs, Tuple* kw) { return hexlify_as("b2a_hex", args, nargs, kw); }
Ref hexlify(Object*, Args args, size_t nargs, Tuple* kw) { return hexlify_as("hexlify", args, nargs, kw); }

int hex_digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Ref unhexlify_as(const char* qualified, Args args, size_t nargs, Tuple* kw) {
    check_positional(qualified, nargs, kw, 1, 1);
    std::string text = ascii_argument(args[0]);
    if (text.size() % 2) binascii_error("Odd-length string");
    std::string out;
    out.reserve(text.size() / 2);
    for (size_t i = 0; i < text.size(); i += 2) {
        int high = hex_digit_value(text[i]), low = hex_digit_value(text[i + 1]);
        if (high < 0 || low < 0) binascii_error("Non-hexadecimal digit found");
        out += static_cast<char>(high << 4 | low);
    }
    return bytes_result(out);
}

Ref a2b_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    return unhexlify_as("binascii.a2b_hex", args, nargs, kw);
}
Ref unhexlify(Object*, Args args, size_t nargs, Tuple* kw) {
    return unhexlify_as("binascii.unhexlify", args, nargs, kw);
}

// ---- quoted-printable ----

// Decodes quoted-printable: =XX is a byte, '=' before a line end joins the lines, and in headers
// '_' is a space. A '=' followed by anything else stays as it is.
Ref a2b_qp(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    bind({"a2b_qp", {"data", "header"}, 0, 2, 1}, args, nargs, kw, a);
    std::string text = ascii_argument(a[0]);
    bool header = flag_argument(a[1], false);
    std::string out;
    size_t n = text.size();
    for (size_t i = 0; i < n;) {
        char c = text[i];
        if (c == '=') {
            if (++i >= n) break;
            if (text[i] == '\n' || text[i] == '\r') {
                // A soft line break: skip to just past the '\n'.
                while (i < n && text[i] != '\n') ++i;
                if (i < n) ++i;
            } else if (text[i] == '=') {
                out += '=';  // "==" from broken encoders
                ++i;
            } else if (i + 1 < n && hex_digit_value(text[i]) >= 0 && hex_digit_value(text[i + 1]) >= 0) {
                out += static_cast<char>(hex_digit_value(text[i]) << 4 | hex_digit_value(text[i + 1]));
                i += 2;
            } else {
                out += '=';
            }
        } else {
            out += header && c == '_' ? ' ' : c;
            ++i;
        }
    }
    return bytes_result(out);
}

// Encodes quoted-printable (RFC 1521) with lines of at most 76 characters. Line ends are written
// as the data's first one is (CRLF or LF); trailing whitespace on a line is encoded.
Ref b2a_qp(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[4];
    bind({"b2a_qp", {"data", "quotetabs", "istext", "header"}, 0, 4, 1}, args, nargs, kw, a);
    std::string data = binary_argument(a[0]);
    bool quotetabs = flag_argument(a[1], false), istext = flag_argument(a[2], true);
    bool header = flag_argument(a[3], false);
    constexpr size_t kMaxLineSize = 76;
    static const char kDigits[] = "0123456789ABCDEF";
    size_t first_newline = data.find('\n');
    bool crlf = first_newline != std::string::npos && first_newline > 0 && data[first_newline - 1] == '\r';
    auto at = [&](size_t i) { return static_cast<unsigned char>(data[i]); };
    size_t n = data.size(), line_length = 0;
    std::string out;
    auto soft_break = [&] {
        out += crlf ? "=\r\n" : "=\n";
        line_length = 0;
    };
    auto append_escaped = [&](unsigned char c) {
        out += '=';
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
    };
    for (size_t i = 0; i < n;) {
        unsigned char c = at(i);
        bool last = i + 1 == n;
        bool lone_dot = c == '.' && line_length == 0 &&
                        (last || at(i + 1) == '\n' || at(i + 1) == '\r' || at(i + 1) == 0);
        bool must_escape = c > 126 || c == '=' || (header && c == '_') || lone_dot ||
                           (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
                           (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (must_escape) {
            if (line_length + 3 >= kMaxLineSize) soft_break();
            append_escaped(c);
            ++i;
            line_length += 3;
        } else if (istext && (c == '\n' || (!last && c == '\r' && at(i + 1) == '\n'))) {
            line_length = 0;
            // Whitespace at the end of a line would be lost in transit: encode it.
            if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
                unsigned char space = out.back();
                out.pop_back();
                append_escaped(space);
            }
            out += crlf ? "\r\n" : "\n";
            i += c == '\r' ? 2 : 1;
        } else {
            if (!last && at(i + 1) != '\n' && line_length + 1 >= kMaxLineSize) soft_break();
            ++line_length;
            out += header && c == ' ' ? '_' : static_cast<char>(c);
            ++i;
        }
    }
    return bytes_result(out);
}

const MethodDef kBinasciiFunctions[] = {
    {"a2b_uu", a2b_uu, "Decode a line of uuencoded data."},
    {"b2a_uu", b2a_uu, "Uuencode line of data."},
    {"a2b_base64", a2b_base64, "Decode a line of base64 data."},
    {"b2a_base64", b2a_base64, "Base64-code line of data."},
    {"crc_hqx", crc_hqx, "Compute CRC-CCITT incrementally."},
    {"crc32", crc32, "Compute CRC-32 incrementally."},
    {"b2a_hex", b2a_hex, "Hexadecimal representation of binary data."},
    {"hexlify", hexlify, "Hexadecimal representation of binary data."},
    {"a2b_hex", a2b_hex, "Binary data of hexadecimal representation."},
    {"unhexlify", unhexlify, "Binary data of hexadecimal representation."},
    {"a2b_qp", a2b_qp, "Decode a string of qp-encoded data."},
    {"b2a_qp", b2a_qp, "Encode a string using quoted-printable encoding."},
    {nullptr, nullptr, nullptr},
};

// A class derived from `base`, named binascii.<name>.
Object* exception_class(const char* name, Type* base) {
    Ref ns = dict_new();
    dict_set(as_dict(ns.get()), intern("__module__"), str_new("binascii").get());
    Object* base_object = base;
    Ref bases = tuple_from(&base_object, 1);
    return class_new(name, as_tuple(bases.get()), as_dict(ns.get())).release();
}

}  // namespace

Ref init_binascii_module() {
    Ref m = native_module_new("binascii", kBinasciiFunctions);
    if (!g_error) {
        g_error = exception_class("Error", &ValueError_type);
        g_incomplete = exception_class("Incomplete", &Exception_type);
    }
    Dict* d = module_dict(m.get());
    dict_set(d, intern("Error"), g_error);
    dict_set(d, intern("Incomplete"), g_incomplete);
    return m;
}

}  // namespace minipy
