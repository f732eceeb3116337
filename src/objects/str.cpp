// str.cpp — the str object: allocation, interning, hashing, UTF-8 indexing and slicing, repr with
// CPython's quoting and escapes, comparison, concatenation and repetition. Methods: str_methods.cpp.
#include "objects/str.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/siphash.h"
#include "runtime/unicode_ctype.h"

namespace minipy {

Type str_type;

// ---- UTF-8 ----
uint32_t utf8_decode(const char*& p) {
    auto b = static_cast<unsigned char>(*p++);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    uint32_t cp = b & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
    return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

size_t str_byte_offset(const Str* s, int64_t index) {
    if (s->ascii) return static_cast<size_t>(index);
    const char* p = s->utf8.data();
    for (int64_t i = 0; i < index; ++i) utf8_decode(p);
    return static_cast<size_t>(p - s->utf8.data());
}

// ---- allocation ----
namespace {

Str* ascii_chars[128];

// Fills a new str's text, length and flags. The code points are the bytes that are not UTF-8
// continuation bytes (top two bits 1 and 0), counted eight bytes per step: the names and
// docstrings read from the compiled-code cache made the loop over single bytes 3% of
// `import typing, dataclasses, re, json`.
Str* str_fill(Str* s, std::string_view utf8) {
    s->utf8.assign(utf8.data(), utf8.size());
    constexpr uint64_t kHighBits = 0x8080808080808080;
    const char* p = utf8.data();
    size_t n = utf8.size(), i = 0;
    int64_t continuations = 0;
    uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        high |= w;
        // Bit 7 set and bit 6 clear marks a continuation byte; the marks, moved to each byte's
        // bit 0, are added up by the multiplication into the top byte. (std::popcount is a call
        // into libgcc here: the build targets x86-64 without the POPCNT instruction.)
        uint64_t marks = (w & ~(w << 1) & kHighBits) >> 7;
        continuations += static_cast<int64_t>((marks * 0x0101010101010101) >> 56);
    }
    for (; i < n; ++i) {
        auto b = static_cast<unsigned char>(p[i]);
        high |= b;
        if ((b & 0xC0) == 0x80) ++continuations;
    }
    s->length = static_cast<int64_t>(n) - continuations;
    s->ascii = !(high & kHighBits);
    s->hash_cache.store(-1, std::memory_order_relaxed);
    return s;
}

Str* str_alloc(std::string_view utf8) {
    auto* s = new Str();
    init_header(s, &str_type);
    return str_fill(s, utf8);
}

// An instance of a class derived from str (with a GcHead: objects/gc.h).
Str* str_subclass_alloc(Type* t, std::string_view utf8) {
    auto* s = new_object_of<Str>(t);
    return str_fill(s, utf8);
}

void str_dealloc(Object* o) { delete_object_of(as_str(o)); }

// Interned strings live for the whole run; the lock only matters in the free-threaded flavor.
// Open addressing over (hash, str) slots, so that a miss hashes the text once and allocates
// nothing but the str: a std::unordered_map hashed it twice (find, then emplace) and allocated a
// node, and interning the ~7000 new names of `import typing, dataclasses, re, json` cost 1100
// instructions each.
struct InternTable {
    struct Slot {
        size_t hash = 0;
        Str* str = nullptr;
    };
    ObjectMutex mutex;
    std::vector<Slot> slots = std::vector<Slot>(4096);  // a power of two, at most half full
    size_t count = 0;

    // The slot holding `text`, or the empty slot where it would go.
    Slot& find(std::string_view text, size_t hash) {
        size_t mask = slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = slots[i];
            if (!slot.str || (slot.hash == hash && slot.str->utf8 == text)) return slot;
        }
    }
    void add(Slot& empty, Str* s, size_t hash) {
        empty = {hash, s};
        if (++count * 2 <= slots.size()) return;
        std::vector<Slot> old(slots.size() * 2);
        old.swap(slots);
        for (const Slot& slot : old)
            if (slot.str) find(slot.str->utf8, slot.hash) = slot;
    }
};

// Never destroyed: interned strings outlive every static destructor that might still use them.
InternTable& intern_table() {
    static auto* table = new InternTable();
    return *table;
}

}  // namespace

Ref str_new(std::string_view utf8) {
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80 && ascii_chars[0])
        return Ref::borrow(ascii_chars[static_cast<unsigned char>(utf8[0])]);
    return Ref::steal(str_alloc(utf8));
}

Ref str_from_codepoint(uint32_t cp) {
    if (cp < 0x80 && ascii_chars[0]) return Ref::borrow(ascii_chars[cp]);
    std::string text;
    utf8_append(text, cp);
    return Ref::steal(str_alloc(text));
}

Str* intern(std::string_view utf8) {
    InternTable& table = intern_table();
    size_t hash = std::hash<std::string_view>()(utf8);
    CriticalSection cs(table.mutex);
    InternTable::Slot& slot = table.find(utf8, hash);
    if (slot.str) return slot.str;
    Str* s = str_alloc(utf8);
    make_immortal(s);
    table.add(slot, s, hash);
    return s;
}

bool str_is_interned(const Str* s) {
    InternTable& table = intern_table();
    size_t hash = std::hash<std::string_view>()(s->utf8);
    CriticalSection cs(table.mutex);
    return table.find(s->utf8, hash).str == s;
}

Ref str_char_at(const Str* s, int64_t index) {
    if (s->ascii) return Ref::borrow(ascii_chars[static_cast<unsigned char>(s->utf8[index])]);
    const char* p = s->utf8.data() + str_byte_offset(s, index);
    return str_from_codepoint(utf8_decode(p));
}

Ref str_exact(Object* o) { return is_str(o) ? Ref::borrow(o) : str_new(str_utf8_of(o)); }

const Str* expect_str(Object* o, const char* what) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type,
              format("%s%smust be str, not %s", what, *what ? " " : "", type_of(o)->name.c_str()));
    return as_str(o);
}

// ---- equality and hashing ----
// CPython hashes a str's code points as stored in its compact form: one byte each when all are
// below 256, two when below 65536, four otherwise (little-endian), with SipHash-1-3. minipy keeps
// UTF-8, which for ASCII text is the same bytes; other text is widened first.
int64_t str_hash(Str* s) {
    if (int64_t cached = s->hash_cache.load(std::memory_order_relaxed); cached != -1) return cached;
    const std::string& t = s->utf8;
    int64_t result;
    if (s->ascii) {
        result = hash_bytes(t.data(), t.size());
    } else {
        std::vector<uint32_t> cps;
        cps.reserve(static_cast<size_t>(s->length));
        uint32_t widest = 0;
        for (const char* p = t.data(); p < t.data() + t.size();) {
            cps.push_back(utf8_decode(p));
            widest = std::max(widest, cps.back());
        }
        size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
        std::string packed(cps.size() * width, '\0');
        for (size_t i = 0; i < cps.size(); ++i)
            for (size_t k = 0; k < width; ++k) packed[i * width + k] = static_cast<char>(cps[i] >> (8 * k));
        result = hash_bytes(packed.data(), packed.size());
    }
    s->hash_cache.store(result, std::memory_order_relaxed);
    return result;
}

std::string_view ascii_number_text(const std::string& utf8, std::string& out) {
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) return utf8;
    out.clear();
    out.reserve(utf8.size());
    for (const char* p = utf8.data(); p < utf8.data() + utf8.size();) {
        uint32_t c = utf8_decode(p);
        int digit = unicode_decimal_value(c);
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (unicode_is_space(c))
            out += ' ';
        else
            out += digit >= 0 ? static_cast<char>('0' + digit) : '?';
    }
    return out;
}

// ---- repr ----
std::string str_repr_text(std::string_view utf8) {
    bool has_single = utf8.find('\'') != std::string_view::npos;
    bool has_double = utf8.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    out.reserve(utf8.size() + 2);
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        const char* start = p;
        uint32_t cp = utf8_decode(p);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (unicode_is_printable(cp)) {
            out.append(start, p);
        } else if (cp < 0x100) {
            out += format("\\x%02x", cp);
        } else if (cp < 0x10000) {
            out += format("\\u%04x", cp);
        } else {
            out += format("\\U%08x", cp);
        }
    }
    out += quote;
    return out;
}

// ---- operations ----
Ref str_concat(Object* a, Object* b) {
    const Str* x = as_str(a);
    const Str* y = as_str(b);
    if (y->utf8.empty()) return str_exact(a);
    if (x->utf8.empty()) return str_exact(b);
    std::string text;
    text.reserve(x->utf8.size() + y->utf8.size());
    text += x->utf8;
    text += y->utf8;
    return str_new(text);
}

namespace {

Ref str_repr(Object* o) { return str_new(str_repr_text(as_str(o)->utf8)); }
int64_t str_hash_slot(Object* o) { return str_hash(as_str(o)); }
int64_t str_len(Object* o) { return as_str(o)->length; }

Ref str_compare(Object* a, Object* b, CompareOp op) {
    if (!is_instance(b, &str_type)) return Ref::borrow(NotImplemented);
    return Ref::borrow(bool_obj(str_compare_texts(as_str(a), as_str(b), op)));
}

Ref str_add(Object* a, Object* b) {
    if (!is_instance(a, &str_type) || !is_instance(b, &str_type)) return Ref::borrow(NotImplemented);
    return str_concat(a, b);
}

Ref str_repeat(Object* s, Object* count) {
    int64_t n = as_index(count);
    const std::string& text = as_str(s)->utf8;
    if (n <= 0 || text.empty()) return str_new("");
    if (n == 1) return str_exact(s);
    return str_new(
        repeated(text, n, static_cast<uint64_t>(as_str(s)->length), "repeated string is too long"));
}

Ref str_mul(Object* a, Object* b) {
    if (is_instance(a, &str_type) && is_index_like(b)) return str_repeat(a, b);
    if (is_instance(b, &str_type) && is_index_like(a)) return str_repeat(b, a);
    return Ref::borrow(NotImplemented);
}

Ref str_mod(Object* a, Object* b) {
    if (!is_instance(a, &str_type)) return Ref::borrow(NotImplemented);
    return str_percent_format(a, b);
}

bool str_contains(Object* o, Object* item) {
    if (!is_instance(item, &str_type))
        raise(&TypeError_type,
              format("'in <string>' requires string as left operand, not %s", type_of(item)->name.c_str()));
    return as_str(o)->utf8.find(as_str(item)->utf8) != std::string::npos;
}

Ref str_slice(const Str* s, Slice* slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(slice, s->length, &start, &stop, &step);
    if (step == 1) {
        size_t from = str_byte_offset(s, start);
        size_t to = str_byte_offset(s, start + n);
        return str_new(std::string_view(s->utf8).substr(from, to - from));
    }
    std::string out;
    if (s->ascii) {
        for (int64_t i = 0, k = start; i < n; ++i, k += step) out.push_back(s->utf8[k]);
        return str_new(out);
    }
    std::vector<uint32_t> cps;
    cps.reserve(s->length);
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();) cps.push_back(utf8_decode(p));
    for (int64_t i = 0, k = start; i < n; ++i, k += step) utf8_append(out, cps[k]);
    return str_new(out);
}

Ref str_getitem(Object* o, Object* key) {
    const Str* s = as_str(o);
    if (is_int(key)) {
        int64_t i = as_subscript_index(key);
        if (i < 0) i += s->length;
        if (i < 0 || i >= s->length) raise(&IndexError_type, "string index out of range");
        return str_char_at(s, i);
    }
    if (type_of(key) == &slice_type) return str_slice(s, static_cast<Slice*>(key));
    if (Ref i = index_value(key)) return str_getitem(o, i.get());
    raise(&TypeError_type, format("string indices must be integers, not '%s'", type_of(key)->name.c_str()));
}

// `type` is str, or a subclass whose instance gets a fresh object (never a shared interned one).
Ref str_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"object", "encoding", "errors"};
    Object* bound[3];
    bind_args("str", args, nargs, kwnames, names, 3, 0, bound);
    if (bound[1]) expect_str(bound[1], "str() argument 'encoding'");
    if (bound[2]) expect_str(bound[2], "str() argument 'errors'");
    Ref text;
    if (bound[0] && (bound[1] || bound[2])) {
        // str(b, encoding, errors) decodes, as CPython's PyUnicode_FromEncodedObject.
        if (is_instance(bound[0], &str_type)) raise(&TypeError_type, "decoding str is not supported");
        if (!is_bytes_like(bound[0]) && !exports_buffer(bound[0]))
            raise(&TypeError_type, format("decoding to str: need a bytes-like object, %s found",
                                          type_of(bound[0])->name.c_str()));
        text = bytes_decode(bytes_like_data(bound[0]), bound[1], bound[2]);
    } else {
        text = bound[0] ? str(bound[0]) : str_new("");
    }
    if (type == &str_type) return text;
    return Ref::steal(str_subclass_alloc(static_cast<Type*>(type), str_utf8_of(text.get())));
}

void set_binary(Type& t, BinaryOp op, BinarySlot slot) { t.binary[static_cast<size_t>(op)] = slot; }

}  // namespace

void init_str_type() {
    Type& t = str_type;
    t.name = "str";
    t.instance_size = sizeof(Str);
    t.dealloc = str_dealloc;
    t.leaf_dealloc = true;
    t.repr = str_repr;
    t.str = str_exact;
    t.hash = str_hash_slot;
    t.compare = str_compare;
    t.len = str_len;
    t.getitem = str_getitem;
    t.contains = str_contains;
    t.iter = str_iter_new;
    t.construct = str_construct;
    t.methods = str_methods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    set_binary(t, BinaryOp::Add, str_add);
    set_binary(t, BinaryOp::Mul, str_mul);
    set_binary(t, BinaryOp::Mod, str_mod);
    init_type(&t);
    for (int c = 0; c < 128; ++c) {
        char text = static_cast<char>(c);
        ascii_chars[c] = intern(std::string_view(&text, 1));
    }
}

}  // namespace minipy
