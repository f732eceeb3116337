// json_module.cpp — the native `_json` that CPython's json package uses when present: scanstring
// (the string reader of the decoder) and encode_basestring(_ascii) (string quoting for the encoder),
// with the C version's error texts. The rest of json (scanner, encoder) runs as CPython's Python.
#include <string>

#include "modules/registry.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "vm/module.h"

namespace minipy {

namespace {

using Args = Object* const*;

// json.decoder.JSONDecodeError(msg, doc, pos), as the C scanner's raise_errmsg makes it.
[[noreturn]] void raise_errmsg(const char* msg, Object* doc, size_t pos) {
    Ref fromlist = str_new("JSONDecodeError");
    Object* names[1] = {fromlist.get()};
    Ref decoder = import_module_level(intern("json.decoder"), tuple_from(names, 1).get(), 0, nullptr);
    Ref cls = get_attr(decoder.get(), intern("JSONDecodeError"));
    Ref text = str_new(msg), where = int_from_i64(static_cast<int64_t>(pos));
    Object* args[3] = {text.get(), doc, where.get()};
    raise_object(call(cls.get(), args, 3));
}

int hex_digit(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}

// Four hex digits at s[at]; -1 when one is not a hex digit.
int64_t read_u4(const std::u32string& s, size_t at) {
    int64_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
        int d = hex_digit(s[at + k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// scanstring(string, end, strict=True) -> (str, end): the JSON string whose opening quote is at
// end - 1, and the index just past its closing quote.
Ref json_scanstring(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("scanstring", nargs, kw, 2, 3);
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type, format("first argument must be a string, not %.80s", type_of(args[0])->name.c_str()));
    bool strict = nargs < 3 || is_true(args[2]);
    std::u32string s = utf8_to_utf32(str_utf8_of(args[0]));
    int64_t start = as_index(args[1]);
    size_t len = s.size();
    if (start < 0 || static_cast<size_t>(start) > len) raise(&ValueError_type, "end is out of bounds");
    auto end = static_cast<size_t>(start);
    size_t begin = end - 1;
    std::u32string out;
    while (true) {
        size_t next = end;
        while (next < len && s[next] != '"' && s[next] != '\\') {
            if (s[next] <= 0x1F && strict) raise_errmsg("Invalid control character at", args[0], next);
            ++next;
        }
        if (next == len) raise_errmsg("Unterminated string starting at", args[0], begin);
        out.append(s, end, next - end);
        if (s[next] == '"') {
            end = next + 1;
            break;
        }
        if (++next == len) raise_errmsg("Unterminated string starting at", args[0], begin);
        char32_t c = s[next];
        if (c != 'u') {
            end = next + 1;
            switch (c) {
                case '"': case '\\': case '/': break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                default: raise_errmsg("Invalid \\escape", args[0], end - 2);
            }
            out.push_back(c);
            continue;
        }
        ++next;
        end = next + 4;
        if (end >= len) raise_errmsg("Invalid \\uXXXX escape", args[0], next - 1);
        int64_t unit = read_u4(s, next);
        if (unit < 0) raise_errmsg("Invalid \\uXXXX escape", args[0], end - 5);
        // A high surrogate followed by \uDC00-\uDFFF makes one character; any other pair stays two.
        if (unit >= 0xD800 && unit <= 0xDBFF && end + 6 < len && s[end] == '\\' && s[end + 1] == 'u') {
            int64_t low = read_u4(s, end + 2);
            if (low < 0) raise_errmsg("Invalid \\uXXXX escape", args[0], end + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                end += 6;
            }
        }
        out.push_back(static_cast<char32_t>(unit));
    }
    Ref text = str_new(utf32_to_utf8(out)), pos = int_from_i64(static_cast<int64_t>(end));
    Object* items[2] = {text.get(), pos.get()};
    return tuple_from(items, 2);
}

void append_u_escape(std::string& out, uint32_t unit) { out += format("\\u%04x", unit); }

// The quoted JSON form of a str: ascii_only escapes everything outside printable ASCII as \uXXXX.
Ref quote(Object* arg, bool ascii_only) {
    if (!is_instance(arg, &str_type))
        raise(&TypeError_type, format("first argument must be a string, not %.80s", type_of(arg)->name.c_str()));
    std::string out = "\"";
    const std::string& text = str_utf8_of(arg);
    for (const char* p = text.data(); p < text.data() + text.size();) {
        const char* start = p;
        uint32_t c = utf8_decode(p);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            default: break;
        }
        if (c < 0x20 || (ascii_only && c >= 0x7F)) {
            if (c >= 0x10000) {
                append_u_escape(out, 0xD800 + ((c - 0x10000) >> 10));
                append_u_escape(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
            } else {
                append_u_escape(out, c);
            }
        } else {
            out.append(start, p);
        }
    }
    out += '"';
    return str_new(out);
}

Ref json_encode_basestring_ascii(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("encode_basestring_ascii", nargs, kw, 1, 1);
    return quote(args[0], true);
}

Ref json_encode_basestring(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("encode_basestring", nargs, kw, 1, 1);
    return quote(args[0], false);
}

const MethodDef kJsonFunctions[] = {
    {"scanstring", json_scanstring,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string."},
    {"encode_basestring_ascii", json_encode_basestring_ascii, "Return an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_basestring, "Return a JSON representation of a Python string"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_json_module() { return native_module_new("_json", kJsonFunctions); }

}  // namespace minipy
