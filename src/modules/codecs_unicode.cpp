// codecs_unicode.cpp — the algorithms of the native text codecs: bytes <-> code points for utf-8,
// utf-16, utf-32, ascii, latin-1, charmap tables and the unicode_escape family, with the error
// positions and reasons CPython's Objects/unicodeobject.c reports.
#include "modules/codecs_unicode.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"
#include "syntax/unicode_names.h"

namespace minipy {

namespace {

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void put_utf8(std::string& out, char32_t cp) { utf8_append(out, cp); }

// The end of the run of characters at `start` that `bad` rejects: CPython reports one error for
// such a run ("can't encode characters in position 3-5").
template <typename Bad>
size_t run_end(const std::u32string& s, size_t start, Bad bad) {
    size_t end = start + 1;
    while (end < s.size() && bad(s[end])) ++end;
    return end;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void put_unit(std::string& out, uint32_t v, int bytes, bool big) {
    for (int k = 0; k < bytes; ++k) {
        int shift = big ? 8 * (bytes - 1 - k) : 8 * k;
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
    }
}

uint32_t get_unit(std::string_view d, size_t i, int bytes, bool big) {
    uint32_t v = 0;
    for (int k = 0; k < bytes; ++k) {
        auto b = static_cast<unsigned char>(d[i + k]);
        v |= static_cast<uint32_t>(b) << (big ? 8 * (bytes - 1 - k) : 8 * k);
    }
    return v;
}

}  // namespace

// ---- utf-8 ----
std::u32string decode_utf8(std::string_view d, DecodeErrors& e, bool final, size_t* consumed) {
    std::u32string out;
    out.reserve(d.size());
    size_t i = 0, n = d.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(d[i]);
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        size_t need = c >= 0xC2 && c <= 0xDF   ? 2
                      : c >= 0xE0 && c <= 0xEF ? 3
                      : c >= 0xF0 && c <= 0xF4 ? 4
                                               : 0;
        if (!need) {
            i = e.report(i, i + 1, "invalid start byte", out);
            d = e.data();
            n = d.size();
            continue;
        }
        size_t k = 1;
        const char* reason = nullptr;
        for (; k < need; ++k) {
            if (i + k >= n) {
                reason = "unexpected end of data";
                break;
            }
            auto b = static_cast<unsigned char>(d[i + k]);
            bool ok = (b & 0xC0) == 0x80;
            if (k == 1 && c == 0xE0) ok = ok && b >= 0xA0;
            if (k == 1 && c == 0xED) ok = ok && b < 0xA0;  // no surrogates in UTF-8
            if (k == 1 && c == 0xF0) ok = ok && b >= 0x90;
            if (k == 1 && c == 0xF4) ok = ok && b < 0x90;
            if (!ok) {
                reason = "invalid continuation byte";
                break;
            }
        }
        if (reason) {
            if (!final && i + k >= n) break;  // an incomplete sequence waits for more input
            i = e.report(i, i + k, reason, out);
            d = e.data();
            n = d.size();
            continue;
        }
        char32_t cp = need == 2 ? c & 0x1F : need == 3 ? c & 0x0F : c & 0x07;
        for (k = 1; k < need; ++k) cp = (cp << 6) | (static_cast<unsigned char>(d[i + k]) & 0x3F);
        out.push_back(cp);
        i += need;
    }
    *consumed = i;
    return out;
}

std::string encode_utf8(const std::u32string& s, EncodeErrors& e) {
    std::string out;
    out.reserve(s.size());
    PutChar put = [](char32_t c, std::string& o) {
        if (is_surrogate(c)) return false;
        put_utf8(o, c);
        return true;
    };
    for (size_t i = 0; i < s.size();) {
        if (!is_surrogate(s[i])) {
            put_utf8(out, s[i++]);
            continue;
        }
        i = e.report(i, run_end(s, i, is_surrogate), "surrogates not allowed", out, put);
    }
    return out;
}

// ---- ascii and latin-1 ----
std::u32string decode_ascii(std::string_view d, DecodeErrors& e) {
    std::u32string out;
    out.reserve(d.size());
    for (size_t i = 0; i < d.size();) {
        auto c = static_cast<unsigned char>(d[i]);
        if (c < 0x80) {
            out.push_back(c);
            ++i;
        } else {
            i = e.report(i, i + 1, "ordinal not in range(128)", out);
            d = e.data();
        }
    }
    return out;
}

std::u32string decode_latin1(std::string_view d) {
    std::u32string out(d.size(), 0);
    for (size_t i = 0; i < d.size(); ++i) out[i] = static_cast<unsigned char>(d[i]);
    return out;
}

std::string encode_single_byte(const std::u32string& s, char32_t limit, EncodeErrors& e) {
    std::string out;
    out.reserve(s.size());
    std::string reason = format("ordinal not in range(%u)", static_cast<unsigned>(limit));
    PutChar put = [limit](char32_t c, std::string& o) {
        if (c >= limit) return false;
        o.push_back(static_cast<char>(c));
        return true;
    };
    for (size_t i = 0; i < s.size();) {
        if (s[i] < limit) {
            out.push_back(static_cast<char>(s[i++]));
            continue;
        }
        i = e.report(i, run_end(s, i, [limit](char32_t c) { return c >= limit; }), reason.c_str(), out, put);
    }
    return out;
}

// ---- utf-16 and utf-32 ----
namespace {

// Reads a BOM when byteorder is 0 (and leaves native little-endian when there is none).
size_t read_bom(std::string_view d, int* byteorder, int width, bool* big) {
    size_t start = 0;
    if (*byteorder == 0 && d.size() >= static_cast<size_t>(width)) {
        uint32_t bom = get_unit(d, 0, width, false);
        uint32_t le = width == 2 ? 0xFEFF : 0x0000FEFF, be = width == 2 ? 0xFFFE : 0xFFFE0000;
        if (bom == le) {
            *byteorder = -1;
            start = width;
        } else if (bom == be) {
            *byteorder = 1;
            start = width;
        }
    }
    *big = *byteorder == 1;
    return start;
}

}  // namespace

std::u32string decode_utf16(std::string_view d, DecodeErrors& e, int* byteorder, bool final,
                            size_t* consumed) {
    bool big;
    if (*byteorder == 0 && d.size() < 2 && !final) {
        *consumed = 0;
        return {};
    }
    size_t i = read_bom(d, byteorder, 2, &big), n = d.size();
    std::u32string out;
    while (i < n) {
        if (n - i < 2) {
            if (!final) break;
            i = e.report(i, n, "truncated data", out);
            d = e.data();
            n = d.size();
            continue;
        }
        uint32_t u = get_unit(d, i, 2, big);
        if (u < 0xD800 || u > 0xDFFF) {
            out.push_back(u);
            i += 2;
        } else if (u >= 0xDC00) {
            i = e.report(i, i + 2, "illegal UTF-16 surrogate", out);
            d = e.data();
            n = d.size();
        } else if (n - i < 4) {
            if (!final) break;
            i = e.report(i, n, "unexpected end of data", out);
            d = e.data();
            n = d.size();
        } else {
            uint32_t low = get_unit(d, i + 2, 2, big);
            if (low < 0xDC00 || low > 0xDFFF) {
                i = e.report(i, i + 2, "illegal encoding", out);
                d = e.data();
                n = d.size();
            } else {
                out.push_back(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 4;
            }
        }
    }
    *consumed = i;
    return out;
}

std::string encode_utf16(const std::u32string& s, EncodeErrors& e, int byteorder) {
    bool big = byteorder == 1;
    std::string out;
    if (byteorder == 0) put_unit(out, 0xFEFF, 2, false);
    auto put = [big](char32_t c, std::string& o) {
        if (is_surrogate(c)) return false;
        if (c < 0x10000) {
            put_unit(o, c, 2, big);
        } else {
            put_unit(o, 0xD800 + ((c - 0x10000) >> 10), 2, big);
            put_unit(o, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, big);
        }
        return true;
    };
    for (size_t i = 0; i < s.size();) {
        if (put(s[i], out)) {
            ++i;
            continue;
        }
        i = e.report(i, run_end(s, i, is_surrogate), "surrogates not allowed", out, put);
    }
    return out;
}

std::u32string decode_utf32(std::string_view d, DecodeErrors& e, int* byteorder, bool final,
                            size_t* consumed) {
    bool big;
    if (*byteorder == 0 && d.size() < 4 && !final) {
        *consumed = 0;
        return {};
    }
    size_t i = read_bom(d, byteorder, 4, &big), n = d.size();
    std::u32string out;
    while (i < n) {
        if (n - i < 4) {
            if (!final) break;
            i = e.report(i, n, "truncated data", out);
            d = e.data();
            n = d.size();
            continue;
        }
        uint32_t u = get_unit(d, i, 4, big);
        if (u > 0x10FFFF) {
            i = e.report(i, i + 4, "code point not in range(0x110000)", out);
            d = e.data();
            n = d.size();
        } else if (is_surrogate(u)) {
            i = e.report(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", out);
            d = e.data();
            n = d.size();
        } else {
            out.push_back(u);
            i += 4;
        }
    }
    *consumed = i;
    return out;
}

std::string encode_utf32(const std::u32string& s, EncodeErrors& e, int byteorder) {
    bool big = byteorder == 1;
    std::string out;
    if (byteorder == 0) put_unit(out, 0xFEFF, 4, false);
    auto put = [big](char32_t c, std::string& o) {
        if (is_surrogate(c)) return false;
        put_unit(o, c, 4, big);
        return true;
    };
    for (size_t i = 0; i < s.size();) {
        if (put(s[i], out)) {
            ++i;
            continue;
        }
        i = e.report(i, run_end(s, i, is_surrogate), "surrogates not allowed", out, put);
    }
    return out;
}

// ---- unicode_escape and raw_unicode_escape ----
namespace {

// \xhh, \uhhhh or \Uhhhhhhhh at d[i] (the backslash): the digits' value, or the error to report.
struct HexEscape {
    size_t end;
    int64_t value;  // -1: too few digits
};

HexEscape read_hex(std::string_view d, size_t first_digit, int digits) {
    int64_t v = 0;
    size_t j = first_digit;
    for (int k = 0; k < digits; ++k, ++j) {
        if (j >= d.size() || hex_value(d[j]) < 0) return {j, -1};
        v = v * 16 + hex_value(d[j]);
    }
    return {j, v};
}

const char* truncated_reason(char kind) {
    return kind == 'x'   ? "truncated \\xXX escape"
           : kind == 'u' ? "truncated \\uXXXX escape"
                         : "truncated \\UXXXXXXXX escape";
}

}  // namespace

std::u32string decode_unicode_escape(std::string_view d, DecodeErrors& e, bool raw, bool final,
                                     size_t* consumed) {
    std::u32string out;
    std::string first_invalid;  // the warning about the first escape that is not one
    size_t i = 0, n = d.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(d[i]);
        if (c != '\\') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= n) {
            if (!final) break;
            if (raw) {
                out.push_back('\\');
                ++i;
                continue;
            }
            i = e.report(i, n, "\\ at end of string", out);
            d = e.data();
            n = d.size();
            continue;
        }
        char k = d[i + 1];
        if (raw) {
            // Only an odd run of backslashes before u/U escapes: "\\\\u1234" stays as it is.
            size_t run = i;
            while (run < n && d[run] == '\\') out.push_back(d[run++]);
            if ((run - i) % 2 == 0 || run >= n || (d[run] != 'u' && d[run] != 'U')) {
                i = run;
                continue;
            }
            out.pop_back();
            i = run - 1;
            k = d[run];
        }
        if (k == 'x' || k == 'u' || k == 'U') {
            int digits = k == 'x' ? 2 : k == 'u' ? 4 : 8;
            HexEscape h = read_hex(d, i + 2, digits);
            if (h.value < 0) {
                if (!final && h.end >= n) break;
                i = e.report(i, h.end, truncated_reason(k), out);
                d = e.data();
                n = d.size();
            } else if (h.value > 0x10FFFF) {
                i = e.report(i, h.end, "illegal Unicode character", out);
                d = e.data();
                n = d.size();
            } else {
                out.push_back(static_cast<char32_t>(h.value));
                i = h.end;
            }
            continue;
        }
        if (k == 'N') {
            // \N{name}: the names string literals use (syntax/unicode_names.h).
            bool brace = i + 2 < n && d[i + 2] == '{';
            size_t close = brace ? d.find('}', i + 3) : std::string_view::npos;
            if (close == std::string_view::npos && !final && (brace || i + 2 >= n)) break;
            if (close == std::string_view::npos || close == i + 3) {
                size_t end = !brace ? i + 2 : close == i + 3 ? i + 3 : n;
                i = e.report(i, end, "malformed \\N character escape", out);
                d = e.data();
                n = d.size();
            } else if (auto code = unicode_names::lookup(d.substr(i + 3, close - i - 3))) {
                out.push_back(*code);
                i = close + 1;
            } else {
                i = e.report(i, close + 1, "unknown Unicode character name", out);
                d = e.data();
                n = d.size();
            }
            continue;
        }
        i += 2;
        switch (k) {
            case '\n':
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '\'':
                out.push_back('\'');
                break;
            case '"':
                out.push_back('"');
                break;
            case 'a':
                out.push_back('\a');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'v':
                out.push_back('\v');
                break;
            default:
                if (k >= '0' && k <= '7') {
                    char32_t v = k - '0';
                    for (int extra = 0; extra < 2 && i < n && d[i] >= '0' && d[i] <= '7'; ++extra)
                        v = v * 8 + (d[i++] - '0');
                    if (v > 0377 && first_invalid.empty())
                        first_invalid = format("invalid octal escape sequence '\\%s'",
                                               std::string(d.substr(i - 3, 3)).c_str());
                    out.push_back(v);
                } else {
                    if (first_invalid.empty()) first_invalid = format("invalid escape sequence '\\%c'", k);
                    out.push_back('\\');
                    out.push_back(static_cast<unsigned char>(k));
                }
        }
    }
    // The first escape Python no longer accepts is reported once, as CPython 3.11's
    // _PyUnicode_DecodeUnicodeEscapeStateful does.
    if (!first_invalid.empty()) warn(&DeprecationWarning_type, first_invalid);
    *consumed = i;
    return out;
}

std::string encode_unicode_escape(const std::u32string& s, bool raw) {
    std::string out;
    for (char32_t c : s) {
        if (raw ? c < 0x100 : (c >= 0x20 && c < 0x7F && c != '\\')) {
            out.push_back(static_cast<char>(c));
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x100) {
            out += format("\\x%02x", static_cast<unsigned>(c));
        } else if (c < 0x10000) {
            out += format("\\u%04x", static_cast<unsigned>(c));
        } else {
            out += format("\\U%08x", static_cast<unsigned>(c));
        }
    }
    return out;
}

// ---- utf-7 (RFC 2152, as CPython: set O and whitespace written directly) ----
namespace {

// CPython's utf7_category: 0 direct, 1 optional direct (set O), 2 whitespace, 3 special.
int utf7_category(char32_t c) {
    if (c >= 128) return 3;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return 0;
    if (c == '\'' || c == '(' || c == ')' || c == ',' || c == '-' || c == '.' || c == '/' || c == ':' ||
        c == '?')
        return 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 2;
    if (c == '+' || c == '\\' || c == '~' || c < 0x20 || c == 0x7F) return 3;
    return 1;
}

bool utf7_direct(char32_t c) { return c > 0 && c < 128 && utf7_category(c) != 3; }
bool is_base64(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
int from_base64(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
}

}  // namespace

std::string encode_utf7(const std::u32string& s) {
    std::string out;
    bool in_shift = false;
    int bits = 0;
    uint64_t buffer = 0;
    auto push16 = [&](char32_t unit) {
        bits += 16;
        buffer = (buffer << 16) | unit;
        while (bits >= 6) {
            out += kBase64[(buffer >> (bits - 6)) & 0x3F];
            bits -= 6;
        }
        buffer &= (uint64_t{1} << bits) - 1;
    };
    for (char32_t c : s) {
        if (in_shift && utf7_direct(c)) {
            if (bits) out += kBase64[(buffer << (6 - bits)) & 0x3F];
            buffer = 0;
            bits = 0;
            in_shift = false;
            // A character outside the base64 set ends the sequence by itself; '-' must be written.
            if (is_base64(c) || c == '-') out += '-';
            out += static_cast<char>(c);
            continue;
        }
        if (!in_shift) {
            if (c == '+') {
                out += "+-";
                continue;
            }
            if (utf7_direct(c)) {
                out += static_cast<char>(c);
                continue;
            }
            out += '+';
            in_shift = true;
        }
        if (c >= 0x10000) {
            push16(0xD800 + ((c - 0x10000) >> 10));
            push16(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            push16(c);
        }
    }
    if (bits) out += kBase64[(buffer << (6 - bits)) & 0x3F];
    if (in_shift) out += '-';
    return out;
}

std::u32string decode_utf7(std::string_view d, DecodeErrors& e, bool final, size_t* consumed) {
    std::u32string out;
    bool in_shift = false;
    int bits = 0;
    uint64_t buffer = 0;
    char32_t surrogate = 0;
    size_t i = 0, n = d.size(), shift_start = 0, shift_out = 0;
    auto fail = [&](size_t start, size_t end, const char* reason) {
        i = e.report(start, end, reason, out);
        d = e.data();
        n = d.size();
    };
    while (i < n) {
        auto c = static_cast<unsigned char>(d[i]);
        if (in_shift) {
            if (is_base64(c)) {
                buffer = (buffer << 6) | static_cast<uint64_t>(from_base64(static_cast<char>(c)));
                bits += 6;
                ++i;
                if (bits < 16) continue;
                auto unit = static_cast<char32_t>((buffer >> (bits - 16)) & 0xFFFF);
                bits -= 16;
                buffer &= (uint64_t{1} << bits) - 1;
                if (surrogate) {
                    if (unit >= 0xDC00 && unit <= 0xDFFF) {
                        out.push_back(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                        surrogate = 0;
                        continue;
                    }
                    out.push_back(surrogate);
                    surrogate = 0;
                }
                if (unit >= 0xD800 && unit <= 0xDBFF)
                    surrogate = unit;
                else
                    out.push_back(unit);
                continue;
            }
            in_shift = false;
            if (bits >= 6) {
                fail(shift_start, i + 1, "partial character in shift sequence");
                continue;
            }
            if (bits > 0 && buffer != 0) {
                fail(shift_start, i + 1, "non-zero padding bits in shift sequence");
                continue;
            }
            if (surrogate && c <= 127 && c != '+') out.push_back(surrogate);
            surrogate = 0;
            if (c == '-') ++i;  // '-' is absorbed; any other character that ends the sequence is kept
        } else if (c == '+') {
            shift_start = i++;
            if (i < n && d[i] == '-') {
                ++i;
                out.push_back('+');
            } else if (i < n && !is_base64(static_cast<unsigned char>(d[i]))) {
                fail(shift_start, i + 1, "ill-formed sequence");
            } else {
                in_shift = true;
                surrogate = 0;
                shift_out = out.size();
                bits = 0;
                buffer = 0;
            }
        } else if (c <= 127) {
            out.push_back(c);
            ++i;
        } else {
            fail(i, i + 1, "unexpected special character");
        }
    }
    if (in_shift && final) {
        in_shift = false;
        if (surrogate || bits >= 6 || (bits > 0 && buffer != 0))
            fail(shift_start, n, "unterminated shift sequence");
    }
    if (in_shift) {
        *consumed = shift_start;  // the open sequence waits for more input
        out.resize(shift_out);
    } else {
        *consumed = i;
    }
    return out;
}

// ---- charmap ----
std::u32string decode_charmap(std::string_view d, DecodeErrors& e, Object* mapping) {
    if (!mapping || mapping == None) return decode_latin1(d);
    std::u32string out;
    if (is_str(mapping)) {
        std::u32string table;
        for (const char* p = str_utf8_of(mapping).data();
             p < str_utf8_of(mapping).data() + str_utf8_of(mapping).size();)
            table.push_back(utf8_decode(p));
        for (size_t i = 0; i < d.size();) {
            auto b = static_cast<unsigned char>(d[i]);
            if (b < table.size() && table[b] != 0xFFFE) {
                out.push_back(table[b]);
                ++i;
            } else {
                i = e.report(i, i + 1, "character maps to <undefined>", out);
                d = e.data();
            }
        }
        return out;
    }
    for (size_t i = 0; i < d.size();) {
        Ref key = int_from_i64(static_cast<unsigned char>(d[i]));
        Ref value;
        try {
            value = get_item(mapping, key.get());
        } catch (const PyException& exc) {
            if (!is_instance(exc.exception(), &LookupError_type)) throw;
        }
        if (!value || value.get() == None) {
            i = e.report(i, i + 1, "character maps to <undefined>", out);
            d = e.data();
            continue;
        }
        if (is_int(value.get())) {
            int64_t v = -1;
            if (!int_to_i64(value.get(), &v) || v < 0 || v > 0x10FFFF)
                raise(&TypeError_type, "character mapping must be in range(0x110000)");
            if (v == 0xFFFE) {
                i = e.report(i, i + 1, "character maps to <undefined>", out);
                d = e.data();
                continue;
            }
            out.push_back(static_cast<char32_t>(v));
        } else if (is_instance(value.get(), &str_type)) {
            const std::string& text = str_utf8_of(value.get());
            for (const char* p = text.data(); p < text.data() + text.size();) out.push_back(utf8_decode(p));
        } else {
            raise(&TypeError_type, "character mapping must return integer, None or str");
        }
        ++i;
    }
    return out;
}

namespace {

// The bytes `mapping` gives code point c, or false when it maps to nothing.
bool charmap_put(Object* mapping, char32_t c, std::string& out) {
    Ref key = int_from_i64(c);
    Ref value;
    try {
        value = get_item(mapping, key.get());
    } catch (const PyException& exc) {
        if (!is_instance(exc.exception(), &LookupError_type)) throw;
        return false;
    }
    if (value.get() == None) return false;
    if (is_int(value.get())) {
        int64_t v = -1;
        if (!int_to_i64(value.get(), &v) || v < 0 || v > 255)
            raise(&TypeError_type, "character mapping must be in range(256)");
        out.push_back(static_cast<char>(v));
        return true;
    }
    if (is_bytes(value.get())) {
        out += bytes_data(value.get());
        return true;
    }
    raise(&TypeError_type,
          "character mapping must return integer, bytes or None, not " + type_of(value.get())->name);
}

}  // namespace

std::string encode_charmap(const std::u32string& s, EncodeErrors& e, Object* mapping) {
    if (!mapping || mapping == None) return encode_single_byte(s, 0x100, e);
    std::string out;
    PutChar put = [mapping](char32_t c, std::string& o) { return charmap_put(mapping, c, o); };
    for (size_t i = 0; i < s.size();) {
        if (charmap_put(mapping, s[i], out)) {
            ++i;
            continue;
        }
        size_t end = i + 1;
        std::string scratch;
        while (end < s.size() && !charmap_put(mapping, s[end], scratch)) ++end;
        i = e.report(i, end, "character maps to <undefined>", out, put);
    }
    return out;
}

}  // namespace minipy
