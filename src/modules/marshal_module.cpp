// marshal_module.cpp — `marshal`, CPython's value serialization (dumps/loads/dump/load), writing
// the bytes CPython 3.11 writes for None, bools, ints, floats, complex numbers, str, bytes, tuples,
// lists, dicts, sets, frozensets, Ellipsis and StopIteration, and reading what CPython writes.
// pkgutil.read_code (and so runpy.run_path) imports it. Code objects are minipy's own (the
// compiled-code cache has its own format, objects/code_serial.h), so they are "unmarshallable".
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/set.h"
#include "objects/str.h"
#include "runtime/c_numbers.h"

namespace minipy {

namespace {

using Args = Object* const*;

constexpr int kCurrentVersion = 4;
// Deeper nesting is refused both ways, as CPython's MAX_MARSHAL_STACK_DEPTH.
constexpr int kMaxDepth = 2000;
// A type byte with this bit set adds its object to the reference table (version 3 on), so a later
// 'r' + index can name the same object again.
constexpr uint8_t kFlagRef = 0x80;

// The type codes: one byte before each object, as CPython's marshal.c names them.
enum Code : uint8_t {
    kNull = '0',
    kNone = 'N',
    kFalse = 'F',
    kTrue = 'T',
    kStopIteration = 'S',
    kEllipsis = '.',
    kInt = 'i',    // 32-bit signed
    kInt64 = 'I',  // written by old versions only; still read
    kLong = 'l',   // a signed count of 15-bit digits, then the digits, least significant first
    kFloat = 'f',  // version 0 and 1: the repr text
    kBinaryFloat = 'g',
    kComplex = 'x',  // version 0 and 1: two repr texts
    kBinaryComplex = 'y',
    kBytes = 's',
    kInterned = 't',  // a str as UTF-8
    kUnicode = 'u',
    kAscii = 'a',
    kAsciiInterned = 'A',
    kShortAscii = 'z',  // a str of under 256 ASCII characters: one length byte
    kShortAsciiInterned = 'Z',
    kTuple = '(',
    kSmallTuple = ')',  // under 256 items: one count byte
    kList = '[',
    kDict = '{',  // key, value, ... then kNull
    kSet = '<',
    kFrozenSet = '>',
    kRef = 'r',
};

[[noreturn]] void raise_bad_data(const char* what) {
    raise(&ValueError_type, format("bad marshal data (%s)", what));
}

Str* utf8_name() {
    static Str* name = intern("utf-8");
    return name;
}
Str* surrogatepass_name() {
    static Str* name = intern("surrogatepass");
    return name;
}

// ---- writing ----

class Writer {
public:
    explicit Writer(int version) : version_(version) {}
    std::string out;

    // `held` counts the references this writer itself holds to `o`, so that "shared" means what
    // it means to CPython: referenced from somewhere else too.
    void object(Object* o, int depth, int held);

private:
    int version_;
    std::unordered_map<Object*, uint32_t> refs_;

    void byte(uint8_t b) { out.push_back(static_cast<char>(b)); }
    void int32(int64_t v) {
        for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(static_cast<uint64_t>(v) >> (8 * i)));
    }
    void size(size_t n) {
        if (n > INT32_MAX) raise(&ValueError_type, "unmarshallable object");
        int32(static_cast<int64_t>(n));
    }
    void double_bits(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(bits >> (8 * i)));
    }
    void float_text(double d) {
        char buf[40];
        CNumericScope c_numbers;
        int n = std::snprintf(buf, sizeof buf, "%.17g", d);
        byte(static_cast<uint8_t>(n));
        out.append(buf, static_cast<size_t>(n));
    }
    bool reference(Object* o, int held, uint8_t* flag);
    void type_and_contents(Object* o, uint8_t flag, int depth);
    void long_digits(Object* o, uint8_t flag);
    void str(Object* o, uint8_t flag);
    void set(Object* o, uint8_t flag, int depth);
};

// CPython's w_ref: from version 3, an object met before is written as a reference to its first
// writing, and an object referenced from elsewhere too gets the flag that enters it in the table
// (one that only this value holds cannot be met twice). Small ints have no count of their own in
// minipy, so they count as shared, as a constant or a variable's value is in CPython.
bool Writer::reference(Object* o, int held, uint8_t* flag) {
    *flag = 0;
    if (version_ < 3) return false;
    auto seen = refs_.find(o);
    if (seen != refs_.end()) {
        byte(kRef);
        int32(seen->second);
        return true;
    }
    bool shared = is_small_int(o) || refcount_get(o->refcnt) > 1 + held;
    if (!shared) return false;
    refs_.emplace(o, static_cast<uint32_t>(refs_.size()));
    *flag = kFlagRef;
    return false;
}

void Writer::object(Object* o, int depth, int held) {
    if (depth > kMaxDepth) raise(&ValueError_type, "object too deeply nested to marshal");
    if (o == None) return byte(kNone);
    if (o == &StopIteration_type) return byte(kStopIteration);
    if (o == Ellipsis) return byte(kEllipsis);
    if (o == False) return byte(kFalse);
    if (o == True) return byte(kTrue);
    uint8_t flag;
    if (!reference(o, held, &flag)) type_and_contents(o, flag, depth);
}

void Writer::type_and_contents(Object* o, uint8_t flag, int depth) {
    Type* t = type_of(o);
    if (t == &int_type) {
        int64_t v;
        if (int_to_i64(o, &v) && v >= INT32_MIN && v <= INT32_MAX) {
            byte(kInt | flag);
            return int32(v);
        }
        return long_digits(o, flag);
    }
    if (t == &float_type) {
        if (version_ > 1) {
            byte(kBinaryFloat | flag);
            return double_bits(float_value(o));
        }
        byte(kFloat | flag);
        return float_text(float_value(o));
    }
    if (t == &complex_type) {
        auto* c = static_cast<Complex*>(o);
        byte((version_ > 1 ? kBinaryComplex : kComplex) | flag);
        if (version_ > 1) {
            double_bits(c->real);
            return double_bits(c->imag);
        }
        float_text(c->real);
        return float_text(c->imag);
    }
    if (t == &str_type) return str(o, flag);
    if (t == &tuple_type) {
        Tuple* tuple = as_tuple(o);
        if (version_ >= 4 && tuple->size < 256) {
            byte(kSmallTuple | flag);
            byte(static_cast<uint8_t>(tuple->size));
        } else {
            byte(kTuple | flag);
            size(tuple->size);
        }
        for (size_t i = 0; i < tuple->size; ++i) object(tuple->items[i], depth + 1, 0);
        return;
    }
    if (t == &list_type) {
        std::vector<Ref> items;  // a copy, as another thread may change the list meanwhile
        for (size_t i = 0; Ref item = list_get_opt(o, i); ++i) items.push_back(std::move(item));
        byte(kList | flag);
        size(items.size());
        for (const Ref& item : items) object(item.get(), depth + 1, 1);
        return;
    }
    if (t == &dict_type) {
        std::vector<std::pair<Ref, Ref>> entries;
        {
            auto* d = static_cast<Dict*>(o);
            CriticalSection cs(d->mutex);
            Object *key, *value;
            for (size_t pos = 0; dict_next(d, &pos, &key, &value);)
                entries.emplace_back(Ref::borrow(key), Ref::borrow(value));
        }
        byte(kDict | flag);
        for (const auto& [key, value] : entries) {
            object(key.get(), depth + 1, 1);
            object(value.get(), depth + 1, 1);
        }
        return byte(kNull);
    }
    if (t == &set_type || t == &frozenset_type) return set(o, flag, depth);
    if (t == &bytes_type || exports_buffer(o)) {
        // Any other bytes-like object is written as bytes, as CPython's.
        std::string data = bytes_like_data(o);
        byte(kBytes | flag);
        size(data.size());
        out += data;
        return;
    }
    raise(&ValueError_type, "unmarshallable object");
}

// An int outside 32 bits: its magnitude in base 2**15, least significant digit first, after the
// digit count carrying the sign.
void Writer::long_digits(Object* o, uint8_t flag) {
    mpz_t magnitude;
    mpz_init(magnitude);
    int_to_mpz(o, magnitude);
    bool negative = mpz_sgn(magnitude) < 0;
    mpz_abs(magnitude, magnitude);
    std::vector<uint16_t> digits;
    while (mpz_sgn(magnitude) != 0) {
        digits.push_back(static_cast<uint16_t>(mpz_fdiv_ui(magnitude, 1u << 15)));
        mpz_fdiv_q_2exp(magnitude, magnitude, 15);
    }
    mpz_clear(magnitude);
    byte(kLong | flag);
    auto count = static_cast<int64_t>(digits.size());
    int32(negative ? -count : count);
    for (uint16_t d : digits) {
        byte(static_cast<uint8_t>(d));
        byte(static_cast<uint8_t>(d >> 8));
    }
}

// Version 4 writes an ASCII str in its own forms (a one-byte length under 256 characters), others
// as UTF-8 (lone surrogates kept, as CPython's surrogatepass). From version 3 an interned str is
// marked so, as `is` tells one from a copy. minipy's compiler interns every str constant, CPython's
// only those of name characters (ASCII letters, digits, _), so only those count as interned here:
// the same source then gives CPython's bytes. CPython's empty str is always interned.
void Writer::str(Object* o, uint8_t flag) {
    Str* s = as_str(o);
    const std::string& text = s->utf8;
    auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
    auto is_name_char = [](char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)); };
    bool ascii = std::all_of(text.begin(), text.end(), is_ascii);
    bool interned =
        version_ >= 3 &&
        (text.empty() || (str_is_interned(s) && std::all_of(text.begin(), text.end(), is_name_char)));
    if (version_ >= 4 && ascii) {
        if (text.size() < 256) {
            byte((interned ? kShortAsciiInterned : kShortAscii) | flag);
            byte(static_cast<uint8_t>(text.size()));
        } else {
            byte((interned ? kAsciiInterned : kAscii) | flag);
            size(text.size());
        }
        out += text;
        return;
    }
    std::string utf8 = str_encode(o, utf8_name(), surrogatepass_name());
    byte((interned ? kInterned : kUnicode) | flag);
    size(utf8.size());
    out += utf8;
}

// A set's items go in the order of their own marshal bytes, so that equal sets give equal bytes
// whatever their hash order (CPython 3.11's reproducible .pyc files, bpo-37596).
void Writer::set(Object* o, uint8_t flag, int depth) {
    std::vector<std::pair<std::string, Ref>> items;
    Ref item;
    for (size_t pos = 0; set_next_entry(o, &pos, &item, nullptr);) {
        Writer alone(version_);
        alone.object(item.get(), depth + 1, 1);
        items.emplace_back(std::move(alone.out), std::move(item));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    byte((type_of(o) == &frozenset_type ? kFrozenSet : kSet) | flag);
    size(items.size());
    for (const auto& entry : items) object(entry.second.get(), depth + 1, 1);
}

int version_arg(Object* o) {
    if (!o) return kCurrentVersion;
    int64_t v = as_index(o);
    if (v < INT32_MIN || v > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    return static_cast<int>(v);
}

std::string dumps_text(Object* value, Object* version) {
    Writer w(version_arg(version));
    w.object(value, 0, 0);
    return std::move(w.out);
}

// ---- reading ----

class Reader {
public:
    // From bytes (loads), or from a file's readinto/read (load), which is read no further than
    // the one object.
    explicit Reader(std::string_view data) : data_(data) {}
    explicit Reader(Object* file) : file_(file) {}

    // An object, or null for kNull (the end of a dict, or an error for everything else).
    Ref object(int depth);

private:
    std::string_view data_;
    size_t pos_ = 0;
    Object* file_ = nullptr;
    std::vector<Ref> refs_;  // null: reserved for a tuple or frozenset still being read

    // The next n bytes; running out raises EOFError with `eof_message`, or by default CPython's
    // text for the source ("marshal data too short", "EOF read where not expected").
    std::string bytes(size_t n, const char* eof_message = nullptr);
    uint8_t byte() { return static_cast<uint8_t>(bytes(1)[0]); }
    int64_t int32() {
        std::string b = bytes(4);
        uint32_t v = 0;
        for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[i]);
        return static_cast<int32_t>(v);
    }
    size_t count(const char* what) {
        int64_t n = int32();
        if (n < 0) raise_bad_data(format("%s size out of range", what).c_str());
        return static_cast<size_t>(n);
    }
    double double_bits() {
        std::string b = bytes(8);
        uint64_t bits = 0;
        for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>(b[i]);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    double float_text() {
        std::string text = bytes(byte());
        char* end;
        double d = c_strtod(text.c_str(), &end);
        if (text.empty() || *end)
            raise(&ValueError_type, format("could not convert string to float: '%s'", text.c_str()));
        return d;
    }
    Ref item(int depth, const char* container);
    Ref long_digits();
    Ref str(uint8_t code);
    Ref contents(uint8_t code, size_t ref_slot, int depth);
};

std::string Reader::bytes(size_t n, const char* eof_message) {
    if (!file_) {
        if (n > data_.size() - pos_)
            raise(&EOFError_type, eof_message ? eof_message : "marshal data too short");
        std::string out(data_.substr(pos_, n));
        pos_ += n;
        return out;
    }
    // CPython fills a buffer with readinto(); minipy's own binary files have only read().
    Ref got_obj;
    std::string got;
    if (Ref readinto = get_attr_opt(file_, intern("readinto"))) {
        Ref buffer = bytearray_new(std::string(n, '\0'));
        got_obj = call1(readinto.get(), buffer.get());
        int64_t read = got_obj.get() == None ? 0 : as_index(got_obj.get());
        if (read > static_cast<int64_t>(n))
            raise(&ValueError_type,
                  format("read() returned too much data: %zu bytes requested, %lld returned", n,
                         static_cast<long long>(read)));
        got = bytes_like_data(buffer.get()).substr(0, static_cast<size_t>(std::max<int64_t>(read, 0)));
    } else {
        Ref read = get_attr(file_, intern("read"));
        Ref size = int_from_i64(static_cast<int64_t>(n));
        got = bytes_like_data(call1(read.get(), size.get()).get());
    }
    if (got.size() != n) raise(&EOFError_type, eof_message ? eof_message : "EOF read where not expected");
    return got;
}

// An item of a tuple, list or set, which may not be kNull.
Ref Reader::item(int depth, const char* container) {
    Ref v = object(depth + 1);
    if (!v) raise(&TypeError_type, format("NULL object in marshal data for %s", container));
    return v;
}

Ref Reader::long_digits() {
    int64_t n = int32();
    bool negative = n < 0;
    size_t count = static_cast<size_t>(negative ? -n : n);
    mpz_t value, digit;
    mpz_init(value);
    mpz_init(digit);
    Ref result;
    try {
        for (size_t i = 0; i < count; ++i) {
            std::string b = bytes(2);
            unsigned d = static_cast<uint8_t>(b[0]) | static_cast<unsigned>(static_cast<uint8_t>(b[1])) << 8;
            if (d >= 1u << 15) raise_bad_data("digit out of range in long");
            if (d == 0 && i == count - 1) raise_bad_data("unnormalized long data");
            mpz_set_ui(digit, d);
            mpz_mul_2exp(digit, digit, 15 * i);
            mpz_add(value, value, digit);
        }
        if (negative) mpz_neg(value, value);
        result = int_from_mpz(value);
    } catch (...) {
        mpz_clear(value);
        mpz_clear(digit);
        throw;
    }
    mpz_clear(value);
    mpz_clear(digit);
    return result;
}

// 'a'/'z' text is read as Latin-1 (CPython builds a one-byte-per-character str from it); 't'/'u'
// as UTF-8 with lone surrogates allowed.
Ref Reader::str(uint8_t code) {
    bool short_form = code == kShortAscii || code == kShortAsciiInterned;
    std::string raw = bytes(short_form ? byte() : count("string"));
    Ref s;
    if (code == kInterned || code == kUnicode) {
        s = bytes_decode(raw, utf8_name(), surrogatepass_name());
    } else {
        std::string utf8;
        for (char c : raw) {
            auto b = static_cast<unsigned char>(c);
            if (b < 0x80) {
                utf8 += c;
            } else {
                utf8 += static_cast<char>(0xC0 | (b >> 6));
                utf8 += static_cast<char>(0x80 | (b & 0x3F));
            }
        }
        s = str_new(utf8);
    }
    if (code == kInterned || code == kAsciiInterned || code == kShortAsciiInterned)
        return Ref::borrow(intern(as_str(s.get())->utf8));
    return s;
}

Ref Reader::object(int depth) {
    if (depth > kMaxDepth) raise(&ValueError_type, "recursion limit exceeded");
    auto type = static_cast<uint8_t>(bytes(1, "EOF read where object expected")[0]);
    uint8_t code = type & ~kFlagRef;
    switch (code) {
        case kNull:
            return nullptr;
        case kNone:
            return Ref::borrow(None);
        case kStopIteration:
            return Ref::borrow(&StopIteration_type);
        case kEllipsis:
            return Ref::borrow(Ellipsis);
        case kFalse:
            return Ref::borrow(False);
        case kTrue:
            return Ref::borrow(True);
        case kRef: {
            int64_t n = int32();
            if (n < 0 || n >= static_cast<int64_t>(refs_.size()) || !refs_[n])
                raise_bad_data("invalid reference");
            return refs_[n];
        }
        default:
            break;
    }
    size_t slot = refs_.size();
    if (type & kFlagRef) refs_.emplace_back();
    Ref v = contents(code, slot, depth);
    if (type & kFlagRef) refs_[slot] = v;
    return v;
}

// The object of a type code other than the singletons and kRef. A list, dict or set enters the
// table (at `ref_slot`, when flagged) before its items, so an item can refer back to it.
Ref Reader::contents(uint8_t code, size_t ref_slot, int depth) {
    auto enter = [&](const Ref& v) {
        if (ref_slot < refs_.size()) refs_[ref_slot] = v;
    };
    switch (code) {
        case kInt:
            return int_from_i64(int32());
        case kInt64: {
            int64_t low = int32() & 0xFFFFFFFF, high = int32();
            return int_from_i64(
                static_cast<int64_t>(static_cast<uint64_t>(high) << 32 | static_cast<uint64_t>(low)));
        }
        case kLong:
            return long_digits();
        case kBinaryFloat:
            return float_new(double_bits());
        case kFloat:
            return float_new(float_text());
        case kBinaryComplex: {
            double real = double_bits();
            return complex_new(real, double_bits());
        }
        case kComplex: {
            double real = float_text();
            return complex_new(real, float_text());
        }
        case kBytes:
            return bytes_new(bytes(count("bytes object")));
        case kInterned:
        case kUnicode:
        case kAscii:
        case kAsciiInterned:
        case kShortAscii:
        case kShortAsciiInterned:
            return str(code);
        case kTuple:
        case kSmallTuple: {
            size_t n = code == kSmallTuple ? byte() : count("tuple");
            std::vector<Ref> items;
            for (size_t i = 0; i < n; ++i) items.push_back(item(depth, "tuple"));
            Ref t = tuple_new(n);
            for (size_t i = 0; i < n; ++i) as_tuple(t.get())->items[i] = items[i].release();
            return t;
        }
        case kList: {
            size_t n = count("list");
            Ref list = list_new();
            enter(list);
            for (size_t i = 0; i < n; ++i) list_append(list.get(), item(depth, "list").get());
            return list;
        }
        case kDict: {
            Ref dict = dict_new();
            enter(dict);
            while (Ref key = object(depth + 1)) {
                Ref value = object(depth + 1);
                if (!value) break;
                dict_set(static_cast<Dict*>(dict.get()), key.get(), value.get());
            }
            return dict;
        }
        case kSet:
        case kFrozenSet: {
            size_t n = count("set");
            Ref set = set_new(code == kSet ? &set_type : &frozenset_type);
            if (code == kSet) enter(set);
            for (size_t i = 0; i < n; ++i) set_add(set.get(), item(depth, "set").get());
            return set;
        }
        default:
            raise_bad_data("unknown type code");
    }
}

// ---- the module's functions ----

Ref marshal_dumps(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("marshal", "dumps", nargs, kw, 1, 2);
    return bytes_new(dumps_text(args[0], nargs > 1 ? args[1] : nullptr));
}

Ref marshal_dump(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("marshal", "dump", nargs, kw, 2, 3);
    Ref data = bytes_new(dumps_text(args[0], nargs > 2 ? args[2] : nullptr));
    Ref write = get_attr(args[1], intern("write"));
    call1(write.get(), data.get());
    return Ref::borrow(None);
}

Ref loaded(Ref v) {
    if (!v) raise(&TypeError_type, "NULL object in marshal data for object");
    return v;
}

Ref marshal_loads(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("marshal", "loads", nargs, kw, 1, 1);
    std::string data = bytes_like_data(args[0]);
    Reader reader(data);
    return loaded(reader.object(0));
}

Ref marshal_load(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("marshal", "load", nargs, kw, 1, 1);
    // As CPython, a zero-byte read first checks that the file is a binary one.
    Ref read = get_attr(args[0], intern("read"));
    Ref zero = int_from_i64(0);
    Ref probe = call1(read.get(), zero.get());
    if (!is_bytes(probe.get()))
        raise(&TypeError_type,
              format("file.read() returned not bytes but %s", type_of(probe.get())->name.c_str()));
    Reader reader(args[0]);
    return loaded(reader.object(0));
}

const MethodDef kMarshalFunctions[] = {
    {"dumps", marshal_dumps, "Return the bytes that would be written to a file by dump(value, file)."},
    {"loads", marshal_loads, "Convert the bytes-like object to a value; extra bytes after it are ignored."},
    {"dump", marshal_dump, "Write the value on the open file (which must be opened in binary mode)."},
    {"load", marshal_load, "Read one value from the open file (which must be opened in binary mode)."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_marshal_module() {
    Ref m = native_module_new("marshal", kMarshalFunctions);
    Ref version = int_from_i64(kCurrentVersion);
    set_attr(m.get(), intern("version"), version.get());
    return m;
}

}  // namespace minipy
