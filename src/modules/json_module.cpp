// json_module.cpp — the native `_json` that CPython's json package uses when present: scanstring
// (the string reader of the decoder) and encode_basestring(_ascii) (string quoting for the encoder),
// with the C version's error texts. The rest of json (scanner, encoder) runs as CPython's Python.
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

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

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at text[at]; -1 when one is not a hex digit.
int64_t read_u4(const std::string& text, size_t at) {
    int64_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
        int d = hex_digit(text[at + k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// The decoder calls scanstring once per JSON string with a character index into one document;
// minipy keeps str as UTF-8, so each thread remembers where the last call ended (character and
// byte) and walks on from there instead of from the start: without it, loads() of non-ASCII text
// was quadratic (2000 records: 10 s instead of 14 ms). The document is held until the next one.
struct Position {
    Object* doc = nullptr;  // one reference held; never released at exit, on purpose
    size_t chars = 0, bytes = 0;
};
thread_local Position t_last;

size_t byte_offset(Object* doc, size_t chars) {
    const Str* s = as_str(doc);
    if (s->ascii) return chars;
    if (t_last.doc != doc || t_last.chars > chars) {
        if (t_last.doc != doc) {
            Object* old = t_last.doc;
            t_last.doc = newref(doc);
            xdecref(old);
        }
        t_last.chars = 0;
        t_last.bytes = 0;
    }
    const std::string& text = s->utf8;
    size_t b = t_last.bytes;
    for (size_t c = t_last.chars; c < chars; ++c) {
        ++b;
        while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
    }
    return b;
}

void remember(Object* doc, size_t chars, size_t bytes) {
    if (as_str(doc)->ascii || t_last.doc != doc) return;
    t_last.chars = chars;
    t_last.bytes = bytes;
}

// scanstring(string, end, strict=True) -> (str, end): the JSON string whose opening quote is at
// end - 1, and the index just past its closing quote. Indices count characters; `b` walks bytes.
Ref json_scanstring(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("scanstring", nargs, kw, 2, 3);
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type,
              format("first argument must be a string, not %.80s", type_of(args[0])->name.c_str()));
    bool strict = nargs < 3 || is_true(args[2]);
    const std::string& text = str_utf8_of(args[0]);
    auto len = static_cast<size_t>(as_str(args[0])->length);
    int64_t start = as_index(args[1]);
    if (start < 0 || static_cast<size_t>(start) > len) raise(&ValueError_type, "end is out of bounds");
    auto end = static_cast<size_t>(start);
    size_t begin = end - 1;
    size_t b = byte_offset(args[0], end);
    std::string out;
    while (true) {
        size_t next = end;
        size_t run = b;
        while (next < len && text[b] != '"' && text[b] != '\\') {
            auto c = static_cast<unsigned char>(text[b]);
            if (c <= 0x1F && strict) raise_errmsg("Invalid control character at", args[0], next);
            ++b;
            while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
            ++next;
        }
        if (next == len) raise_errmsg("Unterminated string starting at", args[0], begin);
        out.append(text, run, b - run);
        if (text[b] == '"') {
            end = next + 1;
            ++b;
            break;
        }
        ++next;
        ++b;
        if (next == len) raise_errmsg("Unterminated string starting at", args[0], begin);
        char c = text[b];
        if (c != 'u') {
            end = next + 1;
            ++b;
            switch (c) {
                case '"':
                case '\\':
                case '/':
                    break;
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case 'n':
                    c = '\n';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 't':
                    c = '\t';
                    break;
                default:
                    raise_errmsg("Invalid \\escape", args[0], end - 2);
            }
            out.push_back(c);
            continue;
        }
        // \uXXXX: ASCII from here, so characters and bytes advance together.
        ++next;
        ++b;
        end = next + 4;
        if (end >= len) raise_errmsg("Invalid \\uXXXX escape", args[0], next - 1);
        int64_t unit = read_u4(text, b);
        if (unit < 0) raise_errmsg("Invalid \\uXXXX escape", args[0], end - 5);
        b += 4;
        // A high surrogate followed by \uDC00-\uDFFF makes one character; any other pair stays two.
        if (unit >= 0xD800 && unit <= 0xDBFF && end + 6 < len && text[b] == '\\' && text[b + 1] == 'u') {
            int64_t low = read_u4(text, b + 2);
            if (low < 0) raise_errmsg("Invalid \\uXXXX escape", args[0], end + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                end += 6;
                b += 6;
            }
        }
        utf8_append(out, static_cast<uint32_t>(unit));
    }
    remember(args[0], end, b);
    Ref result = str_new(out), pos = int_from_i64(static_cast<int64_t>(end));
    Object* items[2] = {result.get(), pos.get()};
    return tuple_from(items, 2);
}

void append_u_escape(std::string& out, uint32_t unit) { out += format("\\u%04x", unit); }

// The quoted JSON form of a str: ascii_only escapes everything outside printable ASCII as \uXXXX.
Ref quote(Object* arg, bool ascii_only) {
    if (!is_instance(arg, &str_type))
        raise(&TypeError_type,
              format("first argument must be a string, not %.80s", type_of(arg)->name.c_str()));
    std::string out = "\"";
    const std::string& text = str_utf8_of(arg);
    for (const char* p = text.data(); p < text.data() + text.size();) {
        const char* start = p;
        uint32_t c = utf8_decode(p);
        switch (c) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\b':
                out += "\\b";
                continue;
            case '\f':
                out += "\\f";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\r':
                out += "\\r";
                continue;
            case '\t':
                out += "\\t";
                continue;
            default:
                break;
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
    {"encode_basestring_ascii", json_encode_basestring_ascii,
     "Return an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_basestring, "Return a JSON representation of a Python string"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_json_module() { return native_module_new("_json", kJsonFunctions); }

}  // namespace minipy
