// bytes.cpp — the bytes type (allocation, repr, hashing, comparison, indexing, concatenation,
// the constructor) and what bytes and bytearray share: conversions, codecs and the iterator.
#include "objects/bytes.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "objects/abstract.h"
#include "objects/codec_hooks.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/memoryview.h"
#include "objects/native_function.h"
#include "objects/siphash.h"
#include "objects/str.h"
#include "runtime/environment.h"

namespace minipy {

Type bytes_type, bytes_iterator_type, bytearray_iterator_type;

Ref bytes_new(std::string_view data) {
    auto* b = new Bytes();
    init_header(b, &bytes_type);
    b->data.assign(data.data(), data.size());
    b->hash_cache = -1;
    return Ref::steal(b);
}

// An instance of bytes or of a class derived from it (with a GcHead: objects/gc.h).
Ref bytes_new_of(Type* t, std::string_view data) {
    if (t == &bytes_type) return bytes_new(data);
    auto* b = new_object_of<Bytes>(t);
    b->data.assign(data.data(), data.size());
    b->hash_cache = -1;
    return Ref::steal(b);
}

Ref bytes_of_type(Type* t, std::string_view data) {
    return is_subtype(t, &bytearray_type) || t == &bytearray_type ? bytearray_new(data) : bytes_new(data);
}

namespace {

// The types that registered a buffer: few (array.array), set once at their module's import.
struct BufferType {
    std::atomic<Type*> type{nullptr};
    const BufferProcs* procs = nullptr;
};
BufferType g_buffer_types[4];

}  // namespace

const BufferProcs* buffer_procs_of(Object* o) {
    for (BufferType& b : g_buffer_types) {
        Type* t = b.type.load(std::memory_order_acquire);
        if (!t) break;
        if (is_instance(o, t)) return b.procs;
    }
    return nullptr;
}

void register_buffer(Type* t, const BufferProcs* procs) {
    for (BufferType& b : g_buffer_types) {
        if (b.type.load(std::memory_order_relaxed) == t) return;
        if (!b.type.load(std::memory_order_relaxed)) {
            b.procs = procs;
            b.type.store(t, std::memory_order_release);
            return;
        }
    }
}

bool exports_buffer(Object* o) {
    return is_bytes_like(o) || type_of(o) == &memoryview_type || buffer_procs_of(o);
}

std::string bytes_like_data(Object* o) {
    if (is_bytes(o)) return bytes_data(o);
    if (is_bytearray(o)) {
        auto* a = static_cast<ByteArray*>(o);
        CriticalSection cs(a->mutex);
        return a->data;
    }
    if (type_of(o) == &memoryview_type) return memoryview_bytes(o);
    if (const BufferProcs* procs = buffer_procs_of(o)) {
        // The size may change between the two calls (another thread): read what is there then.
        std::string data(procs->size(o), '\0');
        while (!procs->read(o, 0, data.size(), data.data())) data.resize(procs->size(o));
        return data;
    }
    raise(&TypeError_type, format("a bytes-like object is required, not '%s'", type_of(o)->name.c_str()));
}

Ref bytes_from_dunder(Object* o) {
    Ref method = type_lookup(type_of(o), intern("__bytes__"));
    if (!method) return nullptr;
    Ref result = call(method.get(), &o, 1);
    if (!is_bytes(result.get()))
        raise(&TypeError_type,
              format("__bytes__ returned non-bytes (type %s)", type_of(result.get())->name.c_str()));
    return result;
}

// The separator byte for hex_with_separator, with CPython's texts for a bad one.
char hex_separator_byte(Object* sep, bool latin1_sep) {
    if (length(sep) != 1) raise(&ValueError_type, "sep must be length 1.");
    uint32_t c;
    if (is_instance(sep, &str_type)) {
        const char* p = str_utf8_of(sep).c_str();
        c = utf8_decode(p);
        if (c > (latin1_sep ? 0xffu : 0x7fu)) raise(&ValueError_type, "sep must be ASCII.");
    } else if (is_bytes(sep)) {
        c = static_cast<unsigned char>(bytes_data(sep)[0]);
        if (c > 0x7f && !latin1_sep) raise(&ValueError_type, "sep must be ASCII.");
    } else {
        raise(&TypeError_type, "sep must be str or bytes.");
    }
    return static_cast<char>(c);
}

std::string hex_with_separator(std::string_view data, Object* sep, int bytes_per_sep, bool latin1_sep) {
    static const char kDigits[] = "0123456789abcdef";
    char separator = sep ? hex_separator_byte(sep, latin1_sep) : 0;
    size_t group =
        bytes_per_sep < 0 ? 0u - static_cast<unsigned>(bytes_per_sep) : static_cast<unsigned>(bytes_per_sep);
    bool separated = sep && group != 0 && group < data.size();
    std::string out;
    out.reserve(data.size() * 3);
    for (size_t i = 0; i < data.size(); ++i) {
        // The bytes on the counted side of position i: a separator goes here when they fill groups.
        size_t counted = bytes_per_sep < 0 ? i : data.size() - i;
        if (separated && i > 0 && counted % group == 0) out += separator;
        auto c = static_cast<unsigned char>(data[i]);
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
    }
    return out;
}

std::string bytes_escape_text(std::string_view data, char quote) {
    std::string out;
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
    return out;
}

std::string bytes_repr_text(std::string_view data, bool escape_single_quotes) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string body = bytes_escape_text(data, quote);
    if (escape_single_quotes && quote == '"') {
        std::string escaped;
        for (char c : body) escaped += c == '\'' ? std::string("\\'") : std::string(1, c);
        body = escaped;
    }
    return std::string("b") + quote + body + quote;
}

unsigned char byte_value(Object* o) {
    if (!is_int(o)) {
        Ref index = index_value(o);
        if (!index) raise_not_an_integer(o);
        return byte_value(index.get());
    }
    int64_t v;
    if (!int_to_i64(o, &v) || v < 0 || v > 255) raise(&ValueError_type, "byte must be in range(0, 256)");
    return static_cast<unsigned char>(v);
}

std::string bytes_from_args(const char* fname, Object* source, Object* encoding, Object* errors) {
    if (encoding) expect_str(encoding, format("%s() argument 'encoding'", fname).c_str());
    if (errors) expect_str(errors, format("%s() argument 'errors'", fname).c_str());
    if (!source) {
        if (encoding || errors)
            raise(&TypeError_type,
                  encoding ? "encoding without a string argument" : "errors without a string argument");
        return "";
    }
    if (is_instance(source, &str_type)) {
        if (!encoding) raise(&TypeError_type, "string argument without an encoding");
        return str_encode(source, encoding, errors);
    }
    if (encoding) raise(&TypeError_type, "encoding without a string argument");
    if (errors) raise(&TypeError_type, "errors without a string argument");
    // A count: an int or anything with __index__, whose errors pass through but a TypeError, after
    // which the object is read as the other kinds (CPython's bytes_new and bytearray_init).
    if (is_index_like(source)) {
        int64_t n = 0;
        bool counted = true;
        try {
            n = as_index(source);
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &TypeError_type)) throw;
            counted = false;
        }
        if (counted) {
            if (n < 0) raise(&ValueError_type, "negative count");
            check_allocation(static_cast<uint64_t>(n), 1);
            return std::string(static_cast<size_t>(n), '\0');
        }
    }
    if (exports_buffer(source)) return bytes_like_data(source);
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
// Valid text in utf-8, ascii or latin-1 with strict errors is converted here; any other encoding, a
// non-strict errors argument, or bad input goes to the codec registry (_codecs, through
// codec_hooks.h), which raises CPython's UnicodeError or runs the error handler.
namespace {

CodecHooks g_codec_hooks = {nullptr, nullptr};

enum class Codec { Utf8, Ascii, Latin1, Other };

Codec codec_of(Object* encoding) {
    if (!encoding) return Codec::Utf8;
    if (!is_str(encoding)) return Codec::Other;  // the registry path raises CPython's TypeError
    std::string name = str_utf8_of(encoding);
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (name == "utf-8" || name == "utf8") return Codec::Utf8;
    if (name == "ascii" || name == "us-ascii") return Codec::Ascii;
    if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1")
        return Codec::Latin1;
    return Codec::Other;
}

bool strict_errors(Object* errors) { return !errors || (is_str(errors) && str_utf8_of(errors) == "strict"); }

// Whether data[i] starts a valid UTF-8 sequence (no surrogates, no overlong forms); its length, or 0.
size_t utf8_sequence(std::string_view data, size_t i) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) return 1;
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!need || i + need > data.size()) return 0;
    for (size_t k = 1; k < need; ++k) {
        auto d = static_cast<unsigned char>(data[i + k]);
        bool ok = (d & 0xC0) == 0x80;
        if (k == 1 && c == 0xE0) ok = ok && d >= 0xA0;
        if (k == 1 && c == 0xED) ok = ok && d < 0xA0;
        if (k == 1 && c == 0xF0) ok = ok && d >= 0x90;
        if (k == 1 && c == 0xF4) ok = ok && d < 0x90;
        if (!ok) return 0;
    }
    return need;
}

bool valid_text(std::string_view data, Codec codec) {
    for (size_t i = 0; i < data.size();) {
        size_t n =
            codec == Codec::Ascii ? (static_cast<unsigned char>(data[i]) < 0x80) : utf8_sequence(data, i);
        if (!n) return false;
        i += n;
    }
    return true;
}

[[noreturn]] void raise_unknown_encoding(Object* encoding) {
    raise(&LookupError_type, "unknown encoding: " + str_utf8(encoding));
}

}  // namespace

void set_codec_hooks(CodecHooks hooks) { g_codec_hooks = hooks; }

namespace {

// CPython's unicode_check_encoding_errors: in development mode (-X dev) every encode and decode
// makes sure its encoding and error handler exist, even where it has no use for them; the common
// names are known to.
void check_codec_names(Object* encoding, Object* errors) {
    if (!encoding && !errors) return;
    static const bool checking = dev_mode();
    if (!checking || !g_codec_hooks.check) return;
    bool known_encoding =
        !encoding || codec_of(encoding) == Codec::Utf8 || codec_of(encoding) == Codec::Ascii;
    static const char* const kKnownErrors[] = {"strict", "ignore", "replace", "surrogateescape",
                                               "surrogatepass"};
    bool known_errors =
        !errors || (is_str(errors) && std::find(std::begin(kKnownErrors), std::end(kKnownErrors),
                                                str_utf8_of(errors)) != std::end(kKnownErrors));
    if (!known_encoding || !known_errors)
        g_codec_hooks.check(known_encoding ? nullptr : encoding, known_errors ? nullptr : errors);
}

}  // namespace

Ref bytes_decode(std::string_view data, Object* encoding, Object* errors) {
    check_codec_names(encoding, errors);
    // No data decodes to '' whatever the codec, as CPython's PyUnicode_FromEncodedObject.
    if (data.empty() && (!encoding || is_str(encoding)) && (!errors || is_str(errors))) return str_new("");
    Codec codec = codec_of(encoding);
    if (codec != Codec::Other && strict_errors(errors)) {
        if (codec == Codec::Latin1) {
            std::string out;
            out.reserve(data.size());
            for (char c : data) utf8_append(out, static_cast<unsigned char>(c));
            return str_new(out);
        }
        if (valid_text(data, codec)) return str_new(data);
    }
    if (!g_codec_hooks.decode) raise_unknown_encoding(encoding);
    return g_codec_hooks.decode(data, encoding, errors);
}

std::string str_encode(Object* s, Object* encoding, Object* errors) {
    check_codec_names(encoding, errors);
    Codec codec = codec_of(encoding);
    const Str* text = as_str(s);
    if (codec != Codec::Other && strict_errors(errors)) {
        if (text->ascii) return text->utf8;
        // A lone surrogate is kept in a str's UTF-8 as its three-byte form (0xED 0xA0..0xBF ...),
        // which UTF-8 proper forbids: such text takes the registry path and its error.
        if (codec == Codec::Utf8 && valid_text(text->utf8, Codec::Utf8)) return text->utf8;
        if (codec == Codec::Latin1) {
            std::string out;
            bool fits = true;
            for (const char* p = text->utf8.data(); fits && p < text->utf8.data() + text->utf8.size();) {
                uint32_t cp = utf8_decode(p);
                fits = cp < 0x100;
                out.push_back(static_cast<char>(cp));
            }
            if (fits) return out;
        }
    }
    if (!g_codec_hooks.encode) raise_unknown_encoding(encoding);
    return g_codec_hooks.encode(s, encoding, errors);
}

// ---- the bytes type ----
namespace {

Bytes* as_bytes(Object* o) { return static_cast<Bytes*>(o); }

void bytes_dealloc(Object* o) { delete_object_of(as_bytes(o)); }
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
    if (!is_bytes_like(a) || !exports_buffer(b)) {
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
    if (!is_bytes_like(seq) || !is_index_like(count)) return Ref::borrow(NotImplemented);
    int64_t n = as_index(count);
    if (n == 1 && type_of(seq) == &bytes_type) return Ref::borrow(seq);  // immutable: itself, as CPython
    std::string data = bytes_like_data(seq);
    return bytes_of_type(type_of(seq), repeated(data, n, data.size(), "repeated bytes are too long"));
}

Ref bytes_mod(Object* a, Object* b) {
    if (!is_bytes_like(a)) return Ref::borrow(NotImplemented);
    return bytes_percent_format(a, b);
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
    // Without encoding or errors, bytes(x) asks x.__bytes__() first, as CPython (pathlib's paths
    // convert this way); `__bytes__ = None` in a subclass blocks the conversion.
    if (bound[0] && !bound[1] && !bound[2]) {
        if (type == &bytes_type && type_of(bound[0]) == &bytes_type) return Ref::borrow(bound[0]);
        if (Ref result = bytes_from_dunder(bound[0])) {
            if (type == &bytes_type) return result;
            return bytes_new_of(static_cast<Type*>(type), bytes_data(result.get()));
        }
    }
    return bytes_new_of(static_cast<Type*>(type), bytes_from_args("bytes", bound[0], bound[1], bound[2]));
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

size_t bytes_iter_length(const BytesIter* it) {
    if (!it->seq) return 0;
    if (is_bytes(it->seq)) return bytes_data(it->seq).size();
    auto* a = static_cast<ByteArray*>(it->seq);
    CriticalSection cs(a->mutex);
    return a->data.size();
}

Ref bytes_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional(type_of(args[0])->name.c_str(), "__length_hint__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<BytesIter*>(args[0]);
    size_t size = bytes_iter_length(it);
    return int_from_i64(size > it->pos ? static_cast<int64_t>(size - it->pos) : 0);
}

// (iter, (seq,), index), or (iter, ((),)) once exhausted, as CPython's.
Ref bytes_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional(type_of(args[0])->name.c_str(), "__reduce__", nargs - 1, kw, 0, 0);
    auto* it = static_cast<BytesIter*>(args[0]);
    return reduce_iter_at(it->seq, static_cast<int64_t>(it->pos), false);
}

Ref bytes_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    auto* it = static_cast<BytesIter*>(args[0]);
    int64_t index = setstate_index(args, nargs, kw, 0, static_cast<int64_t>(bytes_iter_length(it)));
    if (it->seq) it->pos = static_cast<size_t>(index);
    return Ref::borrow(None);
}

const MethodDef kBytesIterMethods[] = {
    {"__length_hint__", bytes_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", bytes_iter_reduce, "Return state information for pickling."},
    {"__setstate__", bytes_iter_setstate, "Set state information for unpickling."},
    {}};

void init_iter_type(Type& t, const char* name) {
    t.methods = kBytesIterMethods;
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
    set_binary(t, BinaryOp::Mod, bytes_mod);
}

void init_bytes_types() {
    Type& t = bytes_type;
    t.name = "bytes";
    t.instance_size = sizeof(Bytes);
    t.dealloc = bytes_dealloc;
    t.leaf_dealloc = true;
    t.repr = bytes_repr;
    t.hash = bytes_hash;
    t.len = bytes_len;
    t.getitem = bytes_getitem;
    t.construct = bytes_construct;
    t.methods = bytes_method_table();
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    bytes_share_slots(t);
    init_type(&t);
    init_iter_type(bytes_iterator_type, "bytes_iterator");
    init_iter_type(bytearray_iterator_type, "bytearray_iterator");
}

}  // namespace minipy
