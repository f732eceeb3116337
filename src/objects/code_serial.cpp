// code_serial.cpp — the compiled-code cache's payload format. Each object is a one-byte tag and its
// contents; counts and small numbers are LEB128 varints (signed ones zigzagged), instruction words
// and floats fixed 4 and 8 bytes, little-endian. Interned strings (names, identifier constants,
// docstrings) are written once per payload and referred back to by number afterwards, as CPython's
// marshal does with FLAG_REF: a module names `self` hundreds of times, and reading it once saves
// hashing it hundreds of times. The reader checks every length and number against what is there,
// so a truncated or damaged payload gives null, never a read past its end.
#include "objects/code_serial.h"

#include <cstring>
#include <unordered_map>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "runtime/flavor.h"

namespace minipy {

namespace {

enum class Tag : uint8_t {
    None = 'N',
    True = 'T',
    False = 'F',
    Ellipsis = '.',
    Int = 'i',     // fits in 64 bits: a signed varint
    BigInt = 'I',  // its decimal text
    Float = 'f',
    Complex = 'x',
    Str = 's',
    InternedStr = 'S',  // kept apart: `is` tells an interned constant from a plain one
    Bytes = 'b',
    Tuple = '(',
    FrozenSet = '{',  // items in iteration order, added back in that order (as CPython's marshal)
    Code = 'C',
};

// Deeper than this is not something the compiler made (it refuses such nesting in source first).
constexpr int kMaxDepth = 2000;

class Writer {
public:
    std::string out;
    bool ok = true;  // false once an object of a kind the format has no tag for was met

    void byte(uint8_t b) { out.push_back(static_cast<char>(b)); }
    void tag(Tag t) { byte(static_cast<uint8_t>(t)); }
    void varint(uint64_t v) {
        for (; v >= 0x80; v >>= 7) byte(static_cast<uint8_t>(v | 0x80));
        byte(static_cast<uint8_t>(v));
    }
    void signed_varint(int64_t v) {
        varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
    }
    void fixed(uint64_t v, int size) {
        for (int i = 0; i < size; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
    }
    void text(std::string_view s) {
        varint(s.size());
        out.append(s);
    }
    void double_bits(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        fixed(bits, 8);
    }
    // An interned string: its first time, 2 * length and the text; later, 2 * number + 1, the
    // number being its place among the payload's first times.
    void interned(const Str* s) {
        auto [it, first] = seen_.emplace(s, seen_.size());
        if (!first) return varint(2 * it->second + 1);
        varint(2 * s->utf8.size());
        out.append(s->utf8);
    }
    void names(const std::vector<Str*>& list) {
        varint(list.size());
        for (Str* s : list) interned(s);
    }
    void optional_name(const Str* s) {
        byte(s ? 1 : 0);
        if (s) interned(s);
    }
    // Each instruction's line as the change from the one before, its end line and columns from
    // its line and start column: nearly every number fits in one byte.
    void positions(const std::vector<SourcePos>& list) {
        int line = 0;
        for (const SourcePos& p : list) {
            signed_varint(int64_t{p.line} - line);
            signed_varint(int64_t{p.end_line} - p.line);
            signed_varint(p.col);
            signed_varint(int64_t{p.end_col} - p.col);
            line = p.line;
        }
    }
    void object(Object* o);
    void code(const Code* c);

private:
    std::unordered_map<const Str*, uint64_t> seen_;  // interned strings written, by number
};

void Writer::object(Object* o) {
    Type* t = type_of(o);
    if (o == None) return tag(Tag::None);
    if (o == True) return tag(Tag::True);
    if (o == False) return tag(Tag::False);
    if (o == Ellipsis) return tag(Tag::Ellipsis);
    if (t == &int_type) {
        int64_t v;
        if (int_to_i64(o, &v)) {
            tag(Tag::Int);
            return signed_varint(v);
        }
        tag(Tag::BigInt);
        return text(int_to_decimal_unlimited(o));
    }
    if (t == &float_type) {
        tag(Tag::Float);
        return double_bits(float_value(o));
    }
    if (t == &complex_type) {
        tag(Tag::Complex);
        double_bits(static_cast<Complex*>(o)->real);
        return double_bits(static_cast<Complex*>(o)->imag);
    }
    if (t == &str_type) {
        if (str_is_interned(as_str(o))) {
            tag(Tag::InternedStr);
            return interned(as_str(o));
        }
        tag(Tag::Str);
        return text(as_str(o)->utf8);
    }
    if (t == &bytes_type) {
        tag(Tag::Bytes);
        return text(static_cast<Bytes*>(o)->data);
    }
    if (t == &tuple_type) {
        Tuple* tuple = as_tuple(o);
        tag(Tag::Tuple);
        varint(tuple->size);
        for (size_t i = 0; i < tuple->size; ++i) object(tuple->items[i]);
        return;
    }
    if (t == &frozenset_type) {
        std::vector<Ref> items;
        Ref item;
        for (size_t pos = 0; set_next_entry(o, &pos, &item, nullptr);) items.push_back(std::move(item));
        tag(Tag::FrozenSet);
        varint(items.size());
        for (const Ref& i : items) object(i.get());
        return;
    }
    if (t == &code_type) {
        tag(Tag::Code);
        return code(as_code(o));
    }
    ok = false;
}

void Writer::code(const Code* c) {
    varint(c->instructions.size());
    for (uint32_t word : c->instructions) fixed(word, 4);
    Writer packed;
    packed.positions(c->positions());
    text(packed.out);
    varint(c->exception_table.size());
    for (const ExceptionEntry& e : c->exception_table) {
        varint(e.start);
        varint(e.end);
        varint(e.handler);
        varint(e.depth);
    }
    varint(c->consts.size());
    for (Object* k : c->consts) object(k);
    names(c->names);
    names(c->varnames);
    names(c->cellvars);
    names(c->freevars);
    varint(c->cell2arg.size());
    for (int arg : c->cell2arg) signed_varint(arg);
    for (int field :
         {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->flags, c->stacksize, c->firstlineno})
        signed_varint(field);
    interned(c->name);
    optional_name(c->qualname);
    byte(c->doc ? 1 : 0);
    if (c->doc) text(c->doc->utf8);
}

class Reader {
public:
    Reader(std::string_view bytes, const std::string& filename) : in_(bytes), filename_(filename) {}

    bool ok() const { return ok_; }
    bool at_end() const { return pos_ == in_.size(); }
    Ref object(int depth);
    // Writer::positions' form back, `count` of them; false if the bytes are not exactly that.
    bool positions(size_t count, std::vector<SourcePos>* out) {
        out->resize(count);
        int line = 0;
        for (SourcePos& p : *out) {
            p.line = add(line, signed_varint());
            p.end_line = add(p.line, signed_varint());
            p.col = add(0, signed_varint());
            p.end_col = add(p.col, signed_varint());
            line = p.line;
        }
        return ok_ && at_end();
    }

private:
    std::string_view in_;
    size_t pos_ = 0;
    bool ok_ = true;
    const std::string& filename_;
    std::vector<Str*> seen_;  // the interned strings read so far, by number

    bool fail() {
        ok_ = false;
        return false;
    }
    uint8_t byte() {
        if (pos_ >= in_.size()) return fail();
        return static_cast<uint8_t>(in_[pos_++]);
    }
    uint64_t varint() {
        // Most are one byte (small counts, lines, columns).
        if (pos_ < in_.size() && !(in_[pos_] & 0x80)) return static_cast<uint8_t>(in_[pos_++]);
        uint64_t v = 0;
        for (int shift = 0; shift < 64 && ok_; shift += 7) {
            uint8_t b = byte();
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        return fail();
    }
    int64_t signed_varint() {
        uint64_t v = varint();
        return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
    }
    int small_int() { return add(0, signed_varint()); }
    // base + delta, if it is an int.
    int add(int base, int64_t delta) {
        if (delta < INT32_MIN || delta > INT32_MAX) return fail();
        int64_t v = base + delta;
        if (v < INT32_MIN || v > INT32_MAX) return fail();
        return static_cast<int>(v);
    }
    // A count of items that take at least `min_size` bytes each: never more than the bytes left.
    size_t count(size_t min_size) {
        uint64_t n = varint();
        if (n > (in_.size() - pos_) / min_size) return fail();
        return static_cast<size_t>(n);
    }
    uint64_t fixed(int size) {
        if (in_.size() - pos_ < static_cast<size_t>(size)) return fail();
        uint64_t v = 0;
        for (int i = 0; i < size; ++i)
            v |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_++])) << (8 * i);
        return v;
    }
    double double_bits() {
        uint64_t bits = fixed(8);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    std::string_view text() {
        size_t n = count(1);
        if (!ok_) return {};
        std::string_view s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    // Writer::interned's encoding: a new string (interned, and numbered) or an earlier one's number.
    Str* interned() {
        uint64_t v = varint();
        if (!ok_) return nullptr;
        bool known = v & 1;
        if ((known && (v >> 1) >= seen_.size()) || (!known && (v >> 1) > in_.size() - pos_)) {
            fail();
            return nullptr;
        }
        if (known) return seen_[v >> 1];
        Str* s = intern(in_.substr(pos_, v >> 1));
        pos_ += v >> 1;
        seen_.push_back(s);
        return s;
    }
    bool names(std::vector<Str*>* out) {
        size_t n = count(1);
        out->reserve(n);
        for (size_t i = 0; i < n && ok_; ++i) {
            if (Str* s = interned()) out->push_back(s);
        }
        return ok_;
    }
    Str* optional_name() {
        uint8_t present = byte();
        if (present > 1) fail();
        return present && ok_ ? interned() : nullptr;
    }
    Ref int_object();
    Ref sequence(Tag tag, int depth);
    Ref code(int depth);
    bool code_body(Code* c, int depth);
};

Ref Reader::int_object() {
    std::string_view digits = text();
    if (!ok_ || digits.empty() || digits.size() > 100000) return nullptr;
    for (size_t i = digits[0] == '-' ? 1 : 0; i < digits.size(); ++i)
        if (digits[i] < '0' || digits[i] > '9') return nullptr;
    return int_from_string_unlimited(std::string(digits), 10);
}

Ref Reader::sequence(Tag tag, int depth) {
    size_t n = count(1);
    if (!ok_) return nullptr;
    if (tag == Tag::Tuple) {
        Ref tuple = tuple_new(n);
        for (size_t i = 0; i < n; ++i) {
            Ref item = object(depth + 1);
            if (!item) return nullptr;
            as_tuple(tuple.get())->items[i] = item.release();
        }
        return tuple;
    }
    Ref set = set_new(&frozenset_type);
    for (size_t i = 0; i < n; ++i) {
        Ref item = object(depth + 1);
        // Only hashable constants go in a frozenset: anything else is damage.
        if (!item || type_of(item.get()) == &code_type) return nullptr;
        set_add(set.get(), item.get());
    }
    return set;
}

Ref Reader::object(int depth) {
    if (depth > kMaxDepth) return nullptr;
    Tag tag = static_cast<Tag>(byte());
    if (!ok_) return nullptr;
    switch (tag) {
        case Tag::None:
            return Ref::borrow(None);
        case Tag::True:
            return Ref::borrow(True);
        case Tag::False:
            return Ref::borrow(False);
        case Tag::Ellipsis:
            return Ref::borrow(Ellipsis);
        case Tag::Int: {
            int64_t v = signed_varint();
            return ok_ ? int_from_i64(v) : nullptr;
        }
        case Tag::BigInt:
            return int_object();
        case Tag::Float: {
            double d = double_bits();
            return ok_ ? float_new(d) : nullptr;
        }
        case Tag::Complex: {
            double re = double_bits(), im = double_bits();
            return ok_ ? complex_new(re, im) : nullptr;
        }
        case Tag::Str: {
            std::string_view s = text();
            return ok_ ? str_new(s) : nullptr;
        }
        case Tag::InternedStr: {
            Str* s = interned();
            return s ? Ref::borrow(s) : nullptr;
        }
        case Tag::Bytes: {
            std::string_view s = text();
            return ok_ ? bytes_new(s) : nullptr;
        }
        case Tag::Tuple:
        case Tag::FrozenSet:
            return sequence(tag, depth);
        case Tag::Code:
            return code(depth);
    }
    return nullptr;
}

Ref Reader::code(int depth) {
    Ref owner = code_new();
    Code* c = as_code(owner.get());
    c->filename = filename_;
    if (!code_body(c, depth)) return nullptr;
    return owner;
}

bool Reader::code_body(Code* c, int depth) {
    size_t n = count(4);
    if (!ok_) return false;
    c->instructions.resize(n);
    const auto* words = reinterpret_cast<const uint8_t*>(in_.data() + pos_);
    for (size_t i = 0; i < n; ++i) {
        const uint8_t* w = words + 4 * i;
        c->instructions[i] = static_cast<uint32_t>(w[0]) | static_cast<uint32_t>(w[1]) << 8 |
                             static_cast<uint32_t>(w[2]) << 16 | static_cast<uint32_t>(w[3]) << 24;
        if (static_cast<size_t>(instr_op(c->instructions[i])) >= kOpCount) return fail();
    }
    pos_ += 4 * n;
    // Unpacked on first use (Code::positions); a damaged form unpacks to unknown positions.
    std::string_view packed = text();
    if (!ok_) return false;
    c->set_packed_positions(packed);
    c->exception_table.resize(count(4));
    for (ExceptionEntry& e : c->exception_table) {
        e.start = static_cast<uint32_t>(varint());
        e.end = static_cast<uint32_t>(varint());
        e.handler = static_cast<uint32_t>(varint());
        e.depth = static_cast<uint32_t>(varint());
        if (e.start > e.end || e.end > n || e.handler >= n) return fail();
    }
    size_t nconsts = count(1);
    for (size_t i = 0; i < nconsts && ok_; ++i) {
        Ref k = object(depth + 1);
        if (!k) return fail();
        // As the compiler's add_const leaves them (runtime/flavor.h: kCodeConstantsImmortal).
        if (kCodeConstantsImmortal) make_constant_immortal(k.get());
        c->consts.push_back(k.release());
    }
    if (!ok_ || !names(&c->names) || !names(&c->varnames) || !names(&c->cellvars) || !names(&c->freevars))
        return fail();
    c->cell2arg.resize(count(1));
    for (int& arg : c->cell2arg) arg = small_int();
    for (int* field :
         {&c->argcount, &c->posonlyargcount, &c->kwonlyargcount, &c->flags, &c->stacksize, &c->firstlineno})
        *field = small_int();
    c->name = interned();
    if (!ok_) return false;
    c->qualname = optional_name();
    uint8_t has_doc = byte();
    if (has_doc > 1) return fail();
    if (has_doc) {
        std::string_view doc = text();
        if (!ok_) return false;
        c->set_doc(str_new(doc));
    }
    return ok_ && c->argcount >= 0 && c->kwonlyargcount >= 0 && c->total_args() <= c->nlocals() &&
           c->stacksize >= 0;
}

}  // namespace

std::string serialize_code(const Code* code) {
    Writer w;
    w.tag(Tag::Code);
    w.code(code);
    return w.ok ? std::move(w.out) : std::string();
}

std::vector<SourcePos> unpack_positions(std::string_view packed, size_t count) {
    static const std::string no_filename;
    Reader r(packed, no_filename);
    std::vector<SourcePos> out;
    // A damaged entry's positions are all unknown, never out of the bytes' bounds.
    if (!r.positions(count, &out)) out.assign(count, SourcePos{});
    return out;
}

Ref deserialize_code(std::string_view bytes, const std::string& filename) {
    Reader r(bytes, filename);
    if (r.ok() && !bytes.empty() && static_cast<Tag>(bytes[0]) == Tag::Code) {
        Ref code = r.object(0);
        if (code && r.ok() && r.at_end()) return code;
    }
    return nullptr;
}

}  // namespace minipy
