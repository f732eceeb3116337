// struct_module.cpp — the native `_struct` behind CPython's struct.py: packing values into bytes and
// back by a format ("<hI", "3s", "@q"...), with native sizes and alignment for '@' and standard
// sizes for '=<>!', the Struct class, and struct.error with CPython's messages.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_error = nullptr;  // struct.error, a class made at import

[[noreturn]] void struct_error(const std::string& message) {
    raise_object(call1(g_error, str_new(message).get()));
}

struct Item {
    char code;
    size_t count;   // repeat count (for 's'/'p': the byte length)
    size_t offset;  // where the first value starts
    size_t size;    // of one value
};

struct Layout {
    std::string format;
    std::vector<Item> items;
    size_t size = 0;
    size_t nvalues = 0;
    bool little = true;
    bool native = true;  // '@' or no prefix: C's sizes and alignment, and a C cast for 'f'
};

// Size and alignment of a code: standard sizes for '=<>!', the C compiler's for '@'.
bool code_size(char c, bool native, size_t* size, size_t* align) {
    switch (c) {
        case 'x':
        case 'c':
        case 'b':
        case 'B':
        case '?':
        case 's':
        case 'p':
            *size = 1;
            break;
        case 'h':
        case 'H':
        case 'e':
            *size = 2;
            break;
        case 'i':
        case 'I':
        case 'f':
            *size = 4;
            break;
        case 'l':
        case 'L':
            *size = native ? sizeof(long) : 4;
            break;
        case 'q':
        case 'Q':
        case 'd':
            *size = 8;
            break;
        case 'n':
        case 'N':
        case 'P':
            if (!native) return false;
            *size = sizeof(size_t);
            break;
        default:
            return false;
    }
    *align = native ? *size : 1;
    return true;
}

Layout parse(const std::string& fmt) {
    Layout L;
    L.format = fmt;
    if (fmt.find('\0') != std::string::npos) struct_error("embedded null character");
    size_t i = 0;
    constexpr size_t kMaxSize = INT64_MAX;  // CPython's PY_SSIZE_T_MAX
    auto too_long = [] { struct_error("total struct size too long"); };
    bool native = true;
    if (!fmt.empty() && std::strchr("@=<>!", fmt[0])) {
        native = fmt[0] == '@';
        L.native = native;
        L.little = fmt[0] == '<' || ((fmt[0] == '@' || fmt[0] == '=') && true);
        if (fmt[0] == '>' || fmt[0] == '!') L.little = false;
        i = 1;
    }
    while (i < fmt.size()) {
        char c = fmt[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            ++i;
            continue;
        }
        size_t count = 1;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
                auto digit = static_cast<size_t>(fmt[i++] - '0');
                if (count > (kMaxSize - digit) / 10) too_long();
                count = count * 10 + digit;
            }
            if (i >= fmt.size()) struct_error("repeat count given without format specifier");
            c = fmt[i];
        }
        size_t size, align;
        if (!code_size(c, native, &size, &align)) struct_error("bad char in struct format");
        if (native && align > 1) L.size = (L.size + align - 1) / align * align;
        size_t bytes = c == 's' || c == 'p' ? count : count * size;
        if ((size && count > kMaxSize / size) || bytes > kMaxSize - L.size) too_long();
        if (c == 's' || c == 'p') {
            L.items.push_back({c, count, L.size, count});
            L.size += count;
            ++L.nvalues;
        } else {
            L.items.push_back({c, count, L.size, size});
            L.size += bytes;
            if (c != 'x') L.nvalues += count;
        }
        ++i;
    }
    return L;
}

// An object with __index__ packs as the int it returns; anything else __index__ returns is a
// TypeError (index_value checks it, as CPython's PyNumber_Index).
Ref int_value(Object* v) {
    if (is_int(v)) return Ref::borrow(v);
    Ref index = index_value(v);
    if (!index) struct_error("required argument is not an integer");
    return index;
}

int64_t int_arg(Object* v, char code) {
    int64_t out;
    if (!int_to_i64(v, &out)) {
        if (code == 'Q' || code == 'N' || code == 'L' || code == 'P') {
            // Above 2**63: only unsigned codes, checked against their range below.
            Ref limit = int_from_string("18446744073709551615", 10);
            if (is_true(compare(v, limit.get(), CompareOp::Gt).get()) ||
                is_true(compare(v, make_small_int(0), CompareOp::Lt).get()))
                struct_error("argument out of range");
            Ref low = int_binary(v, int_from_string("9223372036854775808", 10).get(), BinaryOp::Sub);
            int_to_i64(low.get(), &out);
            return static_cast<int64_t>(static_cast<uint64_t>(out) + (uint64_t{1} << 63));
        }
        struct_error("argument out of range");
    }
    return out;
}

// CPython's messages: the 1- and 2-byte codes name their C type, 4-byte codes give the range, and
// 8-byte codes (or a negative value for an unsigned code wider than 2 bytes) say "argument out of range".
void check_range(char code, int64_t v, size_t size) {
    bool is_unsigned =
        code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || code == 'N' || code == 'P';
    if (size == 1 || size == 2) {
        int64_t lo = is_unsigned ? 0 : -(int64_t{1} << (size * 8 - 1));
        int64_t hi = is_unsigned ? (int64_t{1} << (size * 8)) - 1 : (int64_t{1} << (size * 8 - 1)) - 1;
        if (v < lo || v > hi) {
            const char* name =
                size == 1 ? (is_unsigned ? "ubyte" : "byte") : (is_unsigned ? "ushort" : "short");
            struct_error(format("%s format requires %lld <= number <= %lld", name, static_cast<long long>(lo),
                                static_cast<long long>(hi)));
        }
        return;
    }
    if (is_unsigned && v < 0) {
        if (size < 8) struct_error("argument out of range");
        return;  // an 8-byte unsigned value above 2**63 arrives here as a negative int64 (int_arg checked it)
    }
    if (size == 4) {
        int64_t lo = is_unsigned ? 0 : INT32_MIN, hi = is_unsigned ? UINT32_MAX : INT32_MAX;
        if (v < lo || v > hi)
            struct_error(format("'%c' format requires %lld <= number <= %lld", code,
                                static_cast<long long>(lo), static_cast<long long>(hi)));
    }
}

void put_uint(std::string& out, size_t at, uint64_t v, size_t size, bool little) {
    for (size_t k = 0; k < size; ++k) {
        unsigned char byte = static_cast<unsigned char>(v >> (8 * k));
        out[at + (little ? k : size - 1 - k)] = static_cast<char>(byte);
    }
}

uint64_t get_uint(const std::string& in, size_t at, size_t size, bool little) {
    uint64_t v = 0;
    for (size_t k = 0; k < size; ++k) {
        auto byte = static_cast<unsigned char>(in[at + (little ? k : size - 1 - k)]);
        v |= static_cast<uint64_t>(byte) << (8 * k);
    }
    return v;
}

// IEEE half precision, as CPython's PyFloat_Pack2 (round half to even).
uint16_t half_from(double x) {
    float f = static_cast<float>(x);
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    uint32_t sign = (bits >> 16) & 0x8000;
    if (std::isnan(x)) return static_cast<uint16_t>(sign | 0x7e00);
    double a = std::fabs(x);
    if (a >= 65520.0) {
        if (std::isinf(x)) return static_cast<uint16_t>(sign | 0x7c00);
        raise(&OverflowError_type, "float too large to pack with e format");
    }
    int e;
    double m = std::frexp(a, &e);  // a = m * 2^e, 0.5 <= m < 1
    if (a == 0) return static_cast<uint16_t>(sign);
    if (e < -13) {  // subnormal: value / 2^-24
        double q = std::nearbyint(a / std::ldexp(1.0, -24));
        return static_cast<uint16_t>(sign | static_cast<uint32_t>(q));
    }
    double q = std::nearbyint((m * 2 - 1) * 1024);
    int exp = e - 1 + 15;
    if (q >= 1024) {
        q = 0;
        ++exp;
    }
    if (exp >= 31) raise(&OverflowError_type, "float too large to pack with e format");
    return static_cast<uint16_t>(sign | (static_cast<uint32_t>(exp) << 10) | static_cast<uint32_t>(q));
}

double half_to(uint16_t h) {
    int sign = h >> 15, exp = (h >> 10) & 0x1f, frac = h & 0x3ff;
    double v;
    if (exp == 0)
        v = std::ldexp(frac, -24);
    else if (exp == 31)
        v = frac ? NAN : INFINITY;
    else
        v = std::ldexp(frac + 1024, exp - 25);
    return sign ? -v : v;
}

void pack_into_buffer(const Layout& L, Args values, size_t nvalues, std::string& out, size_t base) {
    if (nvalues != L.nvalues)
        struct_error(format("pack expected %zu items for packing (got %zu)", L.nvalues, nvalues));
    size_t vi = 0;
    for (const Item& it : L.items) {
        if (it.code == 's' || it.code == 'p') {
            Object* v = values[vi++];
            if (!is_bytes_like(v)) struct_error(format("argument for '%c' must be a bytes object", it.code));
            std::string data = bytes_like_data(v);
            if (it.code == 'p') {
                // As many bytes as fit; the length byte says at most 255 (CPython's 'p').
                size_t n = it.count ? std::min(data.size(), it.count - 1) : 0;
                if (it.count) out[base + it.offset] = static_cast<char>(std::min<size_t>(n, 255));
                if (n) std::memcpy(&out[base + it.offset + 1], data.data(), n);
            } else {
                std::memcpy(&out[base + it.offset], data.data(), std::min(data.size(), it.count));
            }
            continue;
        }
        for (size_t r = 0; r < it.count; ++r) {
            size_t at = base + it.offset + r * it.size;
            if (it.code == 'x') continue;
            Object* v = values[vi++];
            switch (it.code) {
                case 'c':
                    if (!is_bytes_like(v) || bytes_like_data(v).size() != 1)
                        struct_error("char format requires a bytes object of length 1");
                    out[at] = bytes_like_data(v)[0];
                    break;
                case '?':
                    out[at] = is_true(v) ? 1 : 0;
                    break;
                case 'e':
                case 'f':
                case 'd': {
                    if (!is_int(v) && !is_instance(v, &float_type)) {
                        if (!get_attr_opt(v, intern("__float__")) && !get_attr_opt(v, intern("__index__")))
                            struct_error("required argument is not a float");
                    }
                    double x = to_double(v);
                    if (it.code == 'd') {
                        uint64_t bits;
                        std::memcpy(&bits, &x, 8);
                        put_uint(out, at, bits, 8, L.little);
                    } else if (it.code == 'f') {
                        float f = static_cast<float>(x);
                        // A native 'f' is C's cast (too large: inf), a standard one PyFloat_Pack4.
                        if (std::isinf(f) && !std::isinf(x) && !L.native)
                            raise(&OverflowError_type, "float too large to pack with f format");
                        uint32_t bits;
                        std::memcpy(&bits, &f, 4);
                        put_uint(out, at, bits, 4, L.little);
                    } else {
                        put_uint(out, at, half_from(x), 2, L.little);
                    }
                    break;
                }
                default: {
                    bool is_unsigned = std::strchr("BHILQNP", it.code) != nullptr;
                    Ref number = int_value(v);
                    if (is_unsigned && it.size >= 4 &&
                        is_true(compare(number.get(), make_small_int(0), CompareOp::Lt).get()))
                        struct_error("argument out of range");
                    int64_t n = int_arg(number.get(), it.code);
                    check_range(it.code, n, it.size);
                    put_uint(out, at, static_cast<uint64_t>(n), it.size, L.little);
                }
            }
        }
    }
}

Ref unpack_buffer(const Layout& L, const std::string& in, size_t base) {
    Ref out = tuple_new(L.nvalues);
    size_t vi = 0;
    auto put = [&](Ref v) { as_tuple(out.get())->items[vi++] = v.release(); };
    for (const Item& it : L.items) {
        if (it.code == 's') {
            put(bytes_new(std::string_view(in).substr(base + it.offset, it.count)));
            continue;
        }
        if (it.code == 'p') {
            size_t n = it.count
                           ? std::min<size_t>(static_cast<unsigned char>(in[base + it.offset]), it.count - 1)
                           : 0;
            put(bytes_new(std::string_view(in).substr(base + it.offset + 1, n)));
            continue;
        }
        for (size_t r = 0; r < it.count; ++r) {
            size_t at = base + it.offset + r * it.size;
            if (it.code == 'x') continue;
            uint64_t raw = get_uint(in, at, it.size, L.little);
            switch (it.code) {
                case 'c':
                    put(bytes_new(std::string_view(in).substr(at, 1)));
                    break;
                case '?':
                    put(Ref::borrow(bool_obj(raw != 0)));
                    break;
                case 'e':
                    put(float_new(half_to(static_cast<uint16_t>(raw))));
                    break;
                case 'f': {
                    auto bits = static_cast<uint32_t>(raw);
                    float f;
                    std::memcpy(&f, &bits, 4);
                    put(float_new(f));
                    break;
                }
                case 'd': {
                    double d;
                    std::memcpy(&d, &raw, 8);
                    put(float_new(d));
                    break;
                }
                case 'B':
                case 'H':
                case 'I':
                case 'L':
                case 'Q':
                case 'N':
                case 'P':
                    if (raw > static_cast<uint64_t>(INT64_MAX))
                        put(int_from_string(std::to_string(raw), 10));
                    else
                        put(int_from_i64(static_cast<int64_t>(raw)));
                    break;
                default: {
                    int64_t v = static_cast<int64_t>(raw);
                    if (it.size < 8 && (raw >> (it.size * 8 - 1)) & 1) v -= int64_t{1} << (it.size * 8);
                    put(int_from_i64(v));
                }
            }
        }
    }
    return out;
}

Layout layout_of(Object* fmt) {
    if (is_str(fmt)) return parse(str_utf8_of(fmt));
    if (is_bytes_like(fmt)) return parse(bytes_like_data(fmt));
    raise(&TypeError_type,
          format("Struct() argument 1 must be a str or bytes object, not %s", type_of(fmt)->name.c_str()));
}

Ref pack_with(const Layout& L, Args values, size_t n) {
    std::string out(L.size, '\0');
    pack_into_buffer(L, values, n, out, 0);
    return bytes_new(out);
}

Ref unpack_with(const Layout& L, Object* buffer) {
    std::string in = bytes_like_data(buffer);
    if (in.size() != L.size) struct_error(format("unpack requires a buffer of %zu bytes", L.size));
    return unpack_buffer(L, in, 0);
}

// Where pack_into (packing) or unpack_from writes or reads L in a buffer of buffer_size bytes, with
// CPython's errors: a negative offset counts from the end, and the item must end before the buffer
// does without the offset reaching before its start.
size_t resolve_offset(const Layout& L, int64_t offset, size_t buffer_size, bool packing) {
    auto size = static_cast<int64_t>(L.size), length = static_cast<int64_t>(buffer_size);
    if (offset < 0) {
        if (offset + size > 0)
            struct_error(format("%s %lld bytes at offset %lld",
                                packing ? "no space to pack" : "not enough data to unpack",
                                static_cast<long long>(size), static_cast<long long>(offset)));
        if (offset + length < 0)
            struct_error(format("offset %lld out of range for %zu-byte buffer",
                                static_cast<long long>(offset), buffer_size));
        offset += length;
    }
    if (length - offset < size)
        struct_error(
            format("%s requires a buffer of at least %zu bytes for %s %zu bytes at offset %lld "
                   "(actual buffer size is %zu)",
                   packing ? "pack_into" : "unpack_from", static_cast<size_t>(offset) + L.size,
                   packing ? "packing" : "unpacking", L.size, static_cast<long long>(offset), buffer_size));
    return static_cast<size_t>(offset);
}

Ref unpack_from_with(const Layout& L, Object* buffer, int64_t offset) {
    std::string in = bytes_like_data(buffer);
    return unpack_buffer(L, in, resolve_offset(L, offset, in.size(), false));
}

// Into a bytearray directly; into another writable buffer (array.array, a writable memoryview) by
// packing a copy and writing the packed bytes back.
void pack_into_with(const Layout& L, Object* buffer, int64_t offset, Args values, size_t n) {
    const BufferProcs* procs = is_bytearray(buffer) ? nullptr : buffer_procs_of(buffer);
    bool view = is_instance(buffer, &memoryview_type) && !is_true(get_attr(buffer, intern("readonly")).get());
    if (!is_bytearray(buffer) && !procs && !view)
        raise(&TypeError_type, "argument must be read-write bytes-like object, not " + type_of(buffer)->name);
    std::string copy = is_bytearray(buffer) ? std::string() : bytes_like_data(buffer);
    std::string& data = is_bytearray(buffer) ? static_cast<ByteArray*>(buffer)->data : copy;
    size_t at = resolve_offset(L, offset, data.size(), true);
    pack_into_buffer(L, values, n, data, at);
    if (is_bytearray(buffer)) return;
    if (procs) {
        procs->write(buffer, at, data.data() + at, L.size);
    } else {
        Ref region = slice_new(int_from_i64(static_cast<int64_t>(at)).get(),
                               int_from_i64(static_cast<int64_t>(at + L.size)).get(), None);
        set_item(buffer, region.get(), bytes_new(data.substr(at, L.size)).get());
    }
}

Ref iter_unpack_with(const Layout& L, Object* buffer) {
    std::string in = bytes_like_data(buffer);
    if (L.size == 0) struct_error("cannot iteratively unpack with a struct of length 0");
    if (in.size() % L.size)
        struct_error(format("iterative unpacking requires a buffer of a multiple of %zu bytes", L.size));
    Ref list = list_new();
    for (size_t at = 0; at < in.size(); at += L.size) list_append(list.get(), unpack_buffer(L, in, at).get());
    return get_iter(list.get());
}

// ---- module functions ----

Ref st_calcsize(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("calcsize", nargs, kw, 1, 1);
    return int_from_i64(static_cast<int64_t>(layout_of(args[0]).size));
}

Ref st_pack(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 1) raise(&TypeError_type, "pack expected at least 1 argument, got 0");
    check_positional("pack", 0, kw, 0, 0);
    return pack_with(layout_of(args[0]), args + 1, nargs - 1);
}

Ref st_unpack(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unpack", nargs, kw, 2, 2);
    return unpack_with(layout_of(args[0]), args[1]);
}

Ref st_unpack_from(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"format", "buffer", "offset"};
    Object* a[3] = {};
    bind_args("unpack_from", args, nargs, kw, kNames, 3, 2, a);
    return unpack_from_with(layout_of(a[0]), a[1], a[2] ? as_index(a[2]) : 0);
}

Ref st_pack_into(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 3) raise(&TypeError_type, format("pack_into expected at least 3 arguments, got %zu", nargs));
    check_positional("pack_into", 0, kw, 0, 0);
    pack_into_with(layout_of(args[0]), args[1], as_index(args[2]), args + 3, nargs - 3);
    return Ref::borrow(None);
}

Ref st_iter_unpack(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("iter_unpack", nargs, kw, 2, 2);
    return iter_unpack_with(layout_of(args[0]), args[1]);
}

Ref st_clearcache(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_clearcache", nargs, kw, 0, 0);
    return Ref::borrow(None);
}

// ---- Struct ----

Type struct_type;

struct StructObject : Object {
    Layout layout;
    Object* format;  // owned: the str it was made from
};

StructObject* as_struct(Object* o) { return static_cast<StructObject*>(o); }

Ref struct_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"format"};
    Object* a[1] = {};
    bind_args("Struct", args, nargs, kw, kNames, 1, 1, a);
    auto* s = new StructObject();
    init_header(s, static_cast<Type*>(type));
    s->format = nullptr;
    Ref owner = Ref::steal(s);
    s->layout = layout_of(a[0]);
    s->format = is_str(a[0]) ? newref(a[0]) : str_new(bytes_like_data(a[0])).release();
    return owner;
}

Ref struct_getattr(Object* o, Str* name) {
    if (name->utf8 == "format") return Ref::borrow(as_struct(o)->format);
    if (name->utf8 == "size") return int_from_i64(static_cast<int64_t>(as_struct(o)->layout.size));
    return generic_getattr(o, name);
}

Ref struct_pack(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pack", 0, kw, 0, 0);
    return pack_with(as_struct(args[0])->layout, args + 1, nargs - 1);
}

Ref struct_unpack(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unpack", nargs - 1, kw, 1, 1);
    return unpack_with(as_struct(args[0])->layout, args[1]);
}

Ref struct_unpack_from(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"buffer", "offset"};
    Object* a[2] = {};
    bind_args("unpack_from", args + 1, nargs - 1, kw, kNames, 2, 1, a);
    return unpack_from_with(as_struct(args[0])->layout, a[0], a[1] ? as_index(a[1]) : 0);
}

Ref struct_pack_into(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 3)
        raise(&TypeError_type, format("pack_into expected at least 2 arguments, got %zu", nargs - 1));
    check_positional("pack_into", 0, kw, 0, 0);
    pack_into_with(as_struct(args[0])->layout, args[1], as_index(args[2]), args + 3, nargs - 3);
    return Ref::borrow(None);
}

Ref struct_iter_unpack(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("iter_unpack", nargs - 1, kw, 1, 1);
    return iter_unpack_with(as_struct(args[0])->layout, args[1]);
}

const MethodDef kStructMethods[] = {
    {"pack", struct_pack, "S.pack(v1, v2, ...) -> bytes"},
    {"unpack", struct_unpack, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", struct_unpack_from, "Return a tuple containing unpacked values."},
    {"pack_into", struct_pack_into, "Pack values and write the packed bytes into the buffer."},
    {"iter_unpack", struct_iter_unpack, "Return an iterator yielding tuples."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kStructFunctions[] = {
    {"calcsize", st_calcsize, "Return size in bytes of the struct described by the format string."},
    {"pack", st_pack, "pack(format, v1, v2, ...) -> bytes"},
    {"unpack", st_unpack, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", st_unpack_from,
     "Return a tuple containing values unpacked according to the format string."},
    {"pack_into", st_pack_into, "Pack values and write the packed bytes into the buffer."},
    {"iter_unpack", st_iter_unpack, "Return an iterator yielding tuples unpacked from the buffer."},
    {"_clearcache", st_clearcache, "Clear the internal cache."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_struct_module() {
    if (!struct_type.dict) {
        struct_type.name = "Struct";
        struct_type.instance_size = sizeof(StructObject);
        struct_type.dealloc = [](Object* o) {
            xdecref(as_struct(o)->format);
            delete as_struct(o);
        };
        struct_type.construct = struct_construct;
        struct_type.getattr = struct_getattr;
        struct_type.methods = kStructMethods;
        struct_type.is_basetype = true;
        init_type(&struct_type);
    }
    Ref m = native_module_new("_struct", kStructFunctions);
    Dict* d = module_dict(m.get());
    if (!g_error) {
        g_error = new_exception_class("struct", "error", {&Exception_type}).release();
    }
    dict_set(d, intern("error"), g_error);
    dict_set(d, intern("Struct"), &struct_type);
    return m;
}

}  // namespace minipy
