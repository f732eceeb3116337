// bytes.cpp — the bytes type (allocation, repr, hashing, comparison, indexing, concatenation,
// the constructor) and what bytes and bytearray share: conversions, codecs and the iterator.
#include "objects/bytes.h"
#include "objects/siphash.h"
#include "objects/iterators.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Type bytes_type, bytes_iterator_type, bytearray_iterator_type;

Ref bytes_new(std::string_view data) {
    auto* b = new Bytes();
    init_header(b, &bytes_type);
    b->data.assign(data.data(), data.size());
    b->hash_cache = -1;
    return Ref::steal(b);
}

Ref bytes_of_type(Type* t, std::string_view data) {
    return is_subtype(t, &bytearray_type) || t == &bytearray_type ? bytearray_new(data) : bytes_new(data);
}

std::string bytes_like_data(Object* o) {
    if (is_bytes(o)) return bytes_data(o);
    if (is_bytearray(o)) {
        auto* a = static_cast<ByteArray*>(o);
        CriticalSection cs(a->mutex);
        return a->data;
    }
    raise(&TypeError_type, format("a bytes-like object is required, not '%s'", type_of(o)->name.c_str()));
}

std::string bytes_repr_text(std::string_view data) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            out += format("\\x%02x", c);
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

unsigned char byte_value(Object* o) {
    if (!is_int(o))
        raise_not_an_integer(o);
    int64_t v;
    if (!int_to_i64(o, &v) || v < 0 || v > 255) raise(&ValueError_type, "byte must be in range(0, 256)");
    return static_cast<unsigned char>(v);
}

std::string bytes_from_args(const char* fname, Object* source, Object* encoding, Object* errors) {
    if (!source) {
        if (encoding || errors)
            raise(&TypeError_type,
                  encoding ? "encoding without a string argument" : "errors without a string argument");
        return "";
    }
    if (is_str(source)) {
        if (!encoding) raise(&TypeError_type, "string argument without an encoding");
        return str_encode(source, encoding, errors);
    }
    if (encoding) raise(&TypeError_type, "encoding without a string argument");
    if (errors) raise(&TypeError_type, "errors without a string argument");
    if (is_bytes_like(source)) return bytes_like_data(source);
    if (is_int(source)) {
        int64_t n = as_index(source);
        if (n < 0) raise(&ValueError_type, "negative count");
        check_allocation(static_cast<uint64_t>(n), 1);
        return std::string(static_cast<size_t>(n), '\0');
    }
    if (!type_of(source)->iter && type_of(source) != &list_type && type_of(source) != &tuple_type)
        raise(&TypeError_type,
              format("cannot convert '%s' object to %s", type_of(source)->name.c_str(), fname));
    std::string out;
    for_each_item(source, [&](Object* item) {
        if (is_int(item) && std::string_view(fname) == "bytes") {
            int64_t v;
            if (!int_to_i64(item, &v) || v < 0 || v > 255)
                raise(&ValueError_type, "bytes must be in range(0, 256)");
        }
        out.push_back(static_cast<char>(byte_value(item)));
    });
    return out;
}

// ---- codecs ----
namespace {

enum class Codec { Utf8, Ascii, Latin1 };

Codec codec_of(Object* encoding) {
    if (!encoding) return Codec::Utf8;
    std::string name = expect_str(encoding, "encoding() argument 1")->utf8;
    for (char& c : name) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    for (char& c : name)
        if (c == '_') c = '-';
    if (name == "utf-8" || name == "utf8") return Codec::Utf8;
    if (name == "ascii" || name == "us-ascii") return Codec::Ascii;
    if (name == "latin-1" || name == "latin1" || name == "iso-8859-1") return Codec::Latin1;
    raise(&LookupError_type, "unknown encoding: " + str_utf8_of(encoding));
}

const char* codec_name(Codec c) {
    return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1";
}

// "strict" raises; "ignore" drops the bad input; "replace" substitutes U+FFFD (decode) or '?';
// "surrogateescape" (PEP 383, how os names undecodable file names) turns a bad byte b into the lone
// surrogate U+DC00+b and back.
char error_mode(Object* errors) {
    if (!errors) return 's';
    const std::string& e = expect_str(errors, "decode() argument 'errors'")->utf8;
    if (e == "ignore") return 'i';
    if (e == "replace") return 'r';
    if (e == "surrogatepass") return 'p';
    if (e == "surrogateescape") return 'e';
    return 's';
}

bool is_escaped_byte(uint32_t cp) { return cp >= 0xDC80 && cp <= 0xDCFF; }

// Length of the valid UTF-8 sequence at data[i], or 0 with `reason` set (CPython's wording).
size_t utf8_sequence(std::string_view data, size_t i, const char** reason) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) return 1;
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    *reason = "invalid start byte";
    if (!need) return 0;
    for (size_t k = 1; k < need; ++k) {
        if (i + k >= data.size()) {
            *reason = "unexpected end of data";
            return 0;
        }
        auto d = static_cast<unsigned char>(data[i + k]);
        bool ok = (d & 0xC0) == 0x80;
        if (k == 1 && c == 0xE0) ok = ok && d >= 0xA0;
        if (k == 1 && c == 0xED) ok = ok && d < 0xA0;
        if (k == 1 && c == 0xF0) ok = ok && d >= 0x90;
        if (k == 1 && c == 0xF4) ok = ok && d < 0x90;
        if (!ok) {
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return need;
}

[[noreturn]] void raise_decode(Codec c, std::string_view data, size_t i, const char* reason) {
    raise(&UnicodeDecodeError_type, format("'%s' codec can't decode byte 0x%02x in position %zu: %s",
                                           codec_name(c), static_cast<unsigned char>(data[i]), i, reason));
}

}  // namespace

Ref bytes_decode(std::string_view data, Object* encoding, Object* errors) {
    Codec codec = codec_of(encoding);
    char mode = error_mode(errors);
    std::string out;
    out.reserve(data.size());
    for (size_t i = 0; i < data.size();) {
        auto c = static_cast<unsigned char>(data[i]);
        if (codec == Codec::Latin1) {
            utf8_append(out, c);
            ++i;
            continue;
        }
        const char* reason = "ordinal not in range(128)";
        size_t n = codec == Codec::Ascii ? (c < 0x80 ? 1 : 0) : utf8_sequence(data, i, &reason);
        if (n) {
            out.append(data.substr(i, n));
            i += n;
            continue;
        }
        if (mode == 's') raise_decode(codec, data, i, reason);
        if (mode == 'r') utf8_append(out, 0xFFFD);
        if (mode == 'e') utf8_append(out, 0xDC00 + c);
        ++i;
    }
    return str_new(out);
}

namespace {

// A lone surrogate (U+D800..U+DFFF) is kept in a str's UTF-8 as its three-byte form, which UTF-8
// proper forbids: encoding refuses it, as CPython's "surrogates not allowed", unless errors say
// otherwise.
std::string utf8_encode(const Str* text, char mode) {
    const std::string& in = text->utf8;
    size_t first = 0;
    while (first + 1 < in.size() &&
           !(static_cast<unsigned char>(in[first]) == 0xED && static_cast<unsigned char>(in[first + 1]) >= 0xA0))
        ++first;
    if (first + 1 >= in.size() || mode == 'p') return in;
    std::string out;
    int64_t pos = 0;
    for (const char* p = in.data(); p < in.data() + in.size(); ++pos) {
        const char* start = p;
        uint32_t cp = utf8_decode(p);
        if (cp < 0xD800 || cp > 0xDFFF) {
            out.append(start, p);
        } else if (mode == 'e' && is_escaped_byte(cp)) {
            out.push_back(static_cast<char>(cp - 0xDC00));
        } else if (mode == 'r') {
            out.push_back('?');
        } else if (mode == 's' || mode == 'e') {
            raise(&UnicodeEncodeError_type,
                  format("'utf-8' codec can't encode character '\\u%04x' in position %lld: surrogates not allowed", cp,
                         static_cast<long long>(pos)));
        }
    }
    return out;
}

}  // namespace

std::string str_encode(Object* s, Object* encoding, Object* errors) {
    Codec codec = codec_of(encoding);
    const Str* text = as_str(s);
    if (text->ascii) return text->utf8;
    char mode = error_mode(errors);
    if (codec == Codec::Utf8) return utf8_encode(text, mode);
    uint32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
    std::string out;
    int64_t pos = 0;
    for (const char* p = text->utf8.data(); p < text->utf8.data() + text->utf8.size(); ++pos) {
        uint32_t cp = utf8_decode(p);
        if (cp < limit) {
            out.push_back(static_cast<char>(cp));
        } else if (mode == 'e' && is_escaped_byte(cp)) {
            out.push_back(static_cast<char>(cp - 0xDC00));
        } else if (mode == 'r') {
            out.push_back('?');
        } else if (mode == 's' || mode == 'e') {
            std::string ch = cp < 0x100     ? format("\\x%02x", cp)
                             : cp < 0x10000 ? format("\\u%04x", cp)
                                            : format("\\U%08x", cp);
            raise(&UnicodeEncodeError_type,
                  format("'%s' codec can't encode character '%s' in position %lld: ordinal not in range(%u)",
                         codec_name(codec), ch.c_str(), static_cast<long long>(pos), limit));
        }
    }
    return out;
}

// ---- the bytes type ----
namespace {

Bytes* as_bytes(Object* o) { return static_cast<Bytes*>(o); }

void bytes_dealloc(Object* o) { delete as_bytes(o); }
Ref bytes_repr(Object* o) { return str_new(bytes_repr_text(bytes_data(o))); }
int64_t bytes_len(Object* o) { return static_cast<int64_t>(bytes_data(o).size()); }

// The same SipHash-1-3 as str's (objects/siphash.h), as CPython: hash(b"ab") == hash("ab").
int64_t bytes_hash(Object* o) {
    Bytes* b = as_bytes(o);
    if (b->hash_cache != -1) return b->hash_cache;
    b->hash_cache = hash_bytes(b->data.data(), b->data.size());
    return b->hash_cache;
}

Ref bytes_compare(Object* a, Object* b, CompareOp op) {
    if (!is_bytes_like(b)) return Ref::borrow(NotImplemented);
    int c = bytes_like_data(a).compare(bytes_like_data(b));
    bool r = op == CompareOp::Lt   ? c < 0
             : op == CompareOp::Le ? c <= 0
             : op == CompareOp::Eq ? c == 0
             : op == CompareOp::Ne ? c != 0
             : op == CompareOp::Gt ? c > 0
                                   : c >= 0;
    return Ref::borrow(bool_obj(r));
}

Ref bytes_getitem(Object* o, Object* key) {
    const std::string& data = bytes_data(o);
    if (is_int(key)) {
        int64_t i = as_subscript_index(key);
        if (i < 0) i += static_cast<int64_t>(data.size());
        if (i < 0 || i >= static_cast<int64_t>(data.size())) raise(&IndexError_type, "index out of range");
        return int_from_i64(static_cast<unsigned char>(data[i]));
    }
    if (type_of(key) == &slice_type) {
        int64_t start, stop, step;
        int64_t n =
            slice_indices(static_cast<Slice*>(key), static_cast<int64_t>(data.size()), &start, &stop, &step);
        std::string out;
        for (int64_t i = 0, k = start; i < n; ++i, k += step) out.push_back(data[k]);
        return bytes_new(out);
    }
    if (Ref i = index_value(key)) return bytes_getitem(o, i.get());
    raise(&TypeError_type,
          format("byte indices must be integers or slices, not %s", type_of(key)->name.c_str()));
}

Ref bytes_add(Object* a, Object* b) {
    if (!is_bytes_like(a) || !is_bytes_like(b)) {
        if (is_bytes_like(a))
            raise(&TypeError_type,
                  format("can't concat %s to %s", type_of(b)->name.c_str(), type_of(a)->name.c_str()));
        return Ref::borrow(NotImplemented);
    }
    return bytes_of_type(type_of(a), bytes_like_data(a) + bytes_like_data(b));
}

Ref bytes_mul(Object* a, Object* b) {
    Object* seq = is_bytes_like(a) ? a : b;
    Object* count = seq == a ? b : a;
    if (!is_bytes_like(seq) || !is_int(count)) return Ref::borrow(NotImplemented);
    std::string data = bytes_like_data(seq), out;
    int64_t n = as_index(count);
    if (n > 0) check_allocation(static_cast<uint64_t>(n), data.size());
    for (int64_t i = 0; i < n; ++i) out += data;
    return bytes_of_type(type_of(seq), out);
}

bool bytes_contains(Object* o, Object* item) {
    std::string data = bytes_like_data(o);
    if (is_int(item)) return data.find(static_cast<char>(byte_value(item))) != std::string::npos;
    return data.find(bytes_like_data(item)) != std::string::npos;
}

// `type` is bytes, or a subclass whose instance is always a fresh object.
Ref bytes_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"source", "encoding", "errors"};
    Object* bound[3];
    bind_args("bytes", args, nargs, kwnames, names, 3, 0, bound);
    if (type == &bytes_type && bound[0] && !bound[1] && type_of(bound[0]) == &bytes_type)
        return Ref::borrow(bound[0]);
    // bytes(x) asks x.__bytes__() first, as CPython (pathlib's paths convert this way).
    if (bound[0] && !bound[1] && !bound[2] && !is_bytes(bound[0])) {
        if (Ref method = type_lookup(type_of(bound[0]), intern("__bytes__"))) {
            Ref result = call(method.get(), &bound[0], 1);
            if (!is_bytes(result.get()))
                raise(&TypeError_type,
                      format("__bytes__ returned non-bytes (type %s)", type_of(result.get())->name.c_str()));
            if (type == &bytes_type) return result;
            Ref b = bytes_new(bytes_data(result.get()));
            b->type = static_cast<Type*>(type);
            return b;
        }
    }
    Ref b = bytes_new(bytes_from_args("bytes", bound[0], bound[1], bound[2]));
    b->type = static_cast<Type*>(type);
    return b;
}

// ---- iterator, shared with bytearray: a container and a position ----
struct BytesIter : Object {
    Object* seq;  // owned; null once exhausted
    size_t pos;
};

void bytes_iter_dealloc(Object* o) {
    xdecref(static_cast<BytesIter*>(o)->seq);
    delete static_cast<BytesIter*>(o);
}


Ref bytes_iter_next(Object* o) {
    auto* it = static_cast<BytesIter*>(o);
    if (!it->seq) return nullptr;
    int byte = -1;
    if (is_bytes(it->seq)) {
        if (it->pos < bytes_data(it->seq).size())
            byte = static_cast<unsigned char>(bytes_data(it->seq)[it->pos]);
    } else {
        auto* a = static_cast<ByteArray*>(it->seq);
        CriticalSection cs(a->mutex);
        if (it->pos < a->data.size()) byte = static_cast<unsigned char>(a->data[it->pos]);
    }
    if (byte < 0) {
        decref(std::exchange(it->seq, nullptr));
        return nullptr;
    }
    ++it->pos;
    return int_from_i64(byte);
}

void init_iter_type(Type& t, const char* name) {
    init_iterator_type(t, name, sizeof(BytesIter), bytes_iter_dealloc, bytes_iter_next);
}

void set_binary(Type& t, BinaryOp op, BinarySlot slot) { t.binary[static_cast<size_t>(op)] = slot; }

Ref bytes_iter_new(Object* seq) {
    auto* it = new BytesIter();
    init_header(it, is_bytes(seq) ? &bytes_iterator_type : &bytearray_iterator_type);
    it->seq = newref(seq);
    it->pos = 0;
    return Ref::steal(it);
}

}  // namespace

void bytes_share_slots(Type& t) {
    t.compare = bytes_compare;
    t.contains = bytes_contains;
    t.iter = bytes_iter_new;
    set_binary(t, BinaryOp::Add, bytes_add);
    set_binary(t, BinaryOp::Mul, bytes_mul);
}

void init_bytes_types() {
    Type& t = bytes_type;
    t.name = "bytes";
    t.instance_size = sizeof(Bytes);
    t.dealloc = bytes_dealloc;
    t.repr = bytes_repr;
    t.hash = bytes_hash;
    t.len = bytes_len;
    t.getitem = bytes_getitem;
    t.construct = bytes_construct;
    t.methods = bytes_methods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    bytes_share_slots(t);
    init_type(&t);
    init_iter_type(bytes_iterator_type, "bytes_iterator");
    init_iter_type(bytearray_iterator_type, "bytearray_iterator");
}

}  // namespace minipy
