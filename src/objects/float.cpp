// float.cpp — Python's float: a boxed double recycled through a per-thread free list, with CPython's
// shortest round-trip repr, floor division and modulo rules, exact comparison with ints, and a hash
// equal to int's for integral values.
#include "objects/float.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/format_spec.h"
#include "objects/gc.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/c_numbers.h"

namespace minipy {

Type float_type;

namespace {

// An instance of a class derived from float has a GcHead (objects/gc.h) and never joins the free list.
void float_dealloc(Object* o) {
    if (o->type->traverse)
        delete_object_of(static_cast<Float*>(o));
    else
        float_free(o);
}

}  // namespace

Ref float_new(double v) { return Ref::steal(float_new_raw(v)); }

// CPython's repr: the shortest digits that round-trip, shown in positional notation for decimal
// exponents -4 <= e < 16 and in scientific notation ("1e+16", "1.5e-05") outside.
std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string_view sci(buf, res.ptr - buf);
    bool negative = sci[0] == '-';
    if (negative) sci.remove_prefix(1);
    size_t e_pos = sci.find('e');
    int exp = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
    std::string digits;
    for (char c : sci.substr(0, e_pos))
        if (c != '.') digits.push_back(c);
    std::string out = negative ? "-" : "";
    if (exp < -4 || exp >= 16) {
        out += digits[0];
        // Appended piece by piece: `"." + digits.substr(1)` trips GCC 12's false -Wrestrict alarm.
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        out += format("e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (exp < 0) {
        out += "0." + std::string(-exp - 1, '0') + digits;
    } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
        out += digits + std::string(exp + 1 - digits.size(), '0') + ".0";
    } else {
        out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
    }
    return out;
}

double to_double(Object* o) {
    // A small int first: math.sin(i) converted it through int_to_double at 72 instructions.
    if (is_small_int(o)) return static_cast<double>(small_int_value(o));
    if (o->type == &float_type) return float_value(o);
    if (is_int(o)) return int_to_double(o);
    if (is_float(o)) return float_value(o);
    // CPython's PyFloat_AsDouble: __float__ (Decimal, Fraction), else __index__.
    if (Ref method = special_method(o, intern("__float__"))) {
        Ref r = call0(method.get());
        if (!is_float(r.get()))
            raise(&TypeError_type, format("%s.__float__ returned non-float (type %s)",
                                          type_of(o)->name.c_str(), type_of(r.get())->name.c_str()));
        return float_value(r.get());
    }
    if (type_lookup(type_of(o), intern("__index__"))) return int_to_double(index_value(o).get());
    raise(&TypeError_type, format("must be real number, not %s", type_of(o)->name.c_str()));
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

// Drops underscores that sit between two digits; false for any other underscore.
bool remove_underscores(std::string_view s, std::string* out) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '_') {
            out->push_back(s[i]);
            continue;
        }
        if (i == 0 || i + 1 == s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) return false;
    }
    return true;
}

bool parse_float(std::string_view s, double* out) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    std::string text;
    if (s.empty() || s[0] == '+' || s[0] == '-' || !remove_underscores(s, &text)) return false;
    if (text.find('(') != std::string::npos) return false;  // C accepts "nan(...)"; Python does not
    const char* end = text.data() + text.size();
    auto res = std::from_chars(text.data(), end, *out);
    // from_chars reports out-of-range for overflow; Python gives inf (or 0.0 for underflow).
    if (res.ec == std::errc::result_out_of_range)
        *out = c_strtod(text.c_str());
    else if (res.ec != std::errc())
        return false;
    if (res.ptr != end) return false;
    if (negative) *out = -*out;
    return true;
}

Ref float_from_string(const std::string& text) {
    double v;
    std::string converted;
    if (!parse_float(ascii_number_text(text, converted), &v))
        raise(&ValueError_type, format("could not convert string to float: %s", str_repr_text(text).c_str()));
    return float_new(v);
}

// CPython's _Py_HashDouble: the value reduced modulo 2**61 - 1, computed from the mantissa
// 28 bits at a time, so that hash(2.0) == hash(2).
int64_t float_hash(double v) {
    constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;  // (a float object's NaN hashes by identity: float_hash_slot)
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kModulus) | x >> (61 - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & kModulus) | x >> (61 - e);
    auto h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

double float_pow(double x, double y) {
    // 0.0 ** -inf is inf (IEEE, as CPython); only a finite negative power of zero divides by zero.
    if (x == 0 && y < 0 && !std::isinf(y))
        raise(&ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        raise(&OverflowError_type, "(34, 'Numerical result out of range')");
    return r;
}

int float_compare_int(double v, Object* i) {
    int64_t w;
    constexpr int64_t kExact = int64_t{1} << 53;
    if (int_to_i64(i, &w) && w <= kExact && w >= -kExact) {
        auto d = static_cast<double>(w);
        return (v > d) - (v < d);
    }
    // mpz_cmp_d compares exactly, without rounding the int to a double.
    mpz_t m;
    mpz_init(m);
    int_to_mpz(i, m);
    int c = mpz_cmp_d(m, v);
    mpz_clear(m);
    return (c < 0) - (c > 0);
}

namespace {

// Both operands as doubles when each is a float (or a float subclass) or an int; false otherwise.
bool float_operands(Object* a, Object* b, double* x, double* y) {
    bool ia = is_int(a), ib = is_int(b);
    if (!(ia || is_float(a)) || !(ib || is_float(b))) return false;
    *x = ia ? int_to_double(a) : float_value(a);
    *y = ib ? int_to_double(b) : float_value(b);
    return true;
}

// Python's float modulo: the result takes the divisor's sign (CPython's float_divmod).
void float_divmod(double x, double y, double* div, double* mod) {
    *mod = std::fmod(x, y);
    double d = (x - *mod) / y;
    if (*mod != 0) {
        if ((y < 0) != (*mod < 0)) {
            *mod += y;
            d -= 1.0;
        }
    } else {
        *mod = std::copysign(0.0, y);
    }
    if (d != 0) {
        double floor_d = std::floor(d);
        if (d - floor_d > 0.5) floor_d += 1.0;
        *div = floor_d;
    } else {
        *div = std::copysign(0.0, x / y);
    }
}

template <BinaryOp op>
Ref float_slot(Object* a, Object* b) {
    double x, y, div, mod;
    if (!float_operands(a, b, &x, &y)) return Ref::borrow(NotImplemented);
    switch (op) {
        case BinaryOp::Add:
            return float_new(x + y);
        case BinaryOp::Sub:
            return float_new(x - y);
        case BinaryOp::Mul:
            return float_new(x * y);
        case BinaryOp::TrueDiv:
            if (y == 0) raise_zero_division("float division by zero");
            return float_new(x / y);
        case BinaryOp::FloorDiv:
            if (y == 0) raise_zero_division("float floor division by zero");
            float_divmod(x, y, &div, &mod);
            return float_new(div);
        case BinaryOp::Mod:
            if (y == 0) raise_zero_division("float modulo");
            float_divmod(x, y, &div, &mod);
            return float_new(mod);
        case BinaryOp::Pow:
            // A negative number to a fractional power is complex (Python 3; math.pow refuses it).
            if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y))
                return complex_type.binary[static_cast<size_t>(BinaryOp::Pow)](complex_new(x, 0).get(),
                                                                               complex_new(y, 0).get());
            return float_new(float_pow(x, y));
        default:
            return Ref::borrow(NotImplemented);
    }
}

bool compare_result(int c, CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return c < 0;
        case CompareOp::Le:
            return c <= 0;
        case CompareOp::Eq:
            return c == 0;
        case CompareOp::Ne:
            return c != 0;
        case CompareOp::Gt:
            return c > 0;
        case CompareOp::Ge:
            return c >= 0;
    }
    return false;
}

Ref float_compare(Object* a, Object* b, CompareOp op) {
    double x = float_value(a);
    int c;
    if (is_int(b)) {
        if (std::isnan(x)) return Ref::borrow(bool_obj(op == CompareOp::Ne));
        c = float_compare_int(x, b);
    } else if (is_float(b)) {
        double y = float_value(b);
        if (std::isnan(x) || std::isnan(y)) return Ref::borrow(bool_obj(op == CompareOp::Ne));
        c = (x > y) - (x < y);
    } else {
        return Ref::borrow(NotImplemented);
    }
    return Ref::borrow(bool_obj(compare_result(c, op)));
}

Ref float_repr_slot(Object* o) { return str_new(float_repr(float_value(o))); }
int64_t float_hash_slot(Object* o) {
    double v = float_value(o);
    return std::isnan(v) ? identity_hash(o) : float_hash(v);
}
bool float_truthy(Object* o) { return float_value(o) != 0; }
Ref float_neg(Object* o) { return float_new(-float_value(o)); }
// `o` itself when exactly a float, else a float with its value (for subclass instances).
Ref float_exact(Object* o) { return type_of(o) == &float_type ? Ref::borrow(o) : float_new(float_value(o)); }
Ref float_pos(Object* o) { return float_exact(o); }
Ref float_abs(Object* o) { return float_new(std::fabs(float_value(o))); }

// float(x), as CPython's float_new and PyNumber_Float: a subclass of float, int or str goes
// through its __float__ when it has one (an override is called; float's and int's own convert).
Ref float_from_object(Object* x) {
    Type* t = type_of(x);
    if (t == &float_type) return Ref::borrow(x);
    if (t == &int_type || t == &bool_type) return float_new(int_to_double(x));
    if (t == &str_type) return float_from_string(str_utf8_of(x));
    if (Ref m = special_method(x, intern("__float__"))) {
        Ref r = call0(m.get());
        const char* owner = type_of(x)->name.c_str();
        if (!is_float(r.get()))
            raise(&TypeError_type,
                  format("%s.__float__ returned non-float (type %s)", owner, type_of(r.get())->name.c_str()));
        if (type_of(r.get()) != &float_type)
            warn(&DeprecationWarning_type,
                 format("%s.__float__ returned non-float (type %s).  The ability to return an instance of a "
                        "strict subclass of float is deprecated, and may be removed in a future version of "
                        "Python.",
                        owner, type_of(r.get())->name.c_str()));
        return float_new(float_value(r.get()));
    }
    if (Ref r = index_value(x)) return float_new(int_to_double(r.get()));
    if (is_float(x)) return float_new(float_value(x));
    if (is_instance(x, &str_type)) return float_from_string(str_utf8_of(x));
    // float(b"2.5") too, as CPython's (pickle's protocol 0 reads floats so); the error shows the bytes.
    if (is_bytes_like(x) || exports_buffer(x)) {
        double v;
        std::string text = bytes_like_data(x);
        if (!parse_float(text, &v))
            raise(&ValueError_type, format("could not convert string to float: %s", repr_utf8(x).c_str()));
        return float_new(v);
    }
    raise(&TypeError_type,
          format("float() argument must be a string or a real number, not '%s'", type_of(x)->name.c_str()));
}

// `type` is float, or a subclass whose instance is a fresh object. Keywords are ignored where the
// subclass has an __init__ of its own, which takes them (CPython's float_new).
Ref float_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size && refuses_keywords(static_cast<Type*>(type), &float_type))
        raise_no_kwargs("float");
    if (nargs > 1) raise_arg_count("float", 0, 1, nargs);
    Ref value = nargs == 0 ? float_new(0.0) : float_from_object(args[0]);
    if (type == &float_type) return value;
    auto* t = static_cast<Type*>(type);
    auto* f = new_object_of<Float>(t);
    f->value = float_value(value.get());
    return Ref::steal(f);
}

Ref float_getattr(Object* o, Str* name) {
    if (name->utf8 == "real") return float_exact(o);
    if (name->utf8 == "imag") return float_new(0.0);
    return generic_getattr(o, name);
}

double self_value(const char* name, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs != 1) raise_arg_count(name, 0, 0, nargs - 1);
    return float_value(args[0]);
}

Ref float_is_integer(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    double v = self_value("is_integer", args, nargs, kwnames);
    return Ref::borrow(bool_obj(std::isfinite(v) && v == std::floor(v)));
}

Ref float_conjugate(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    self_value("conjugate", args, nargs, kwnames);
    return float_exact(args[0]);
}

// Exact numerator and denominator: the mantissa as an integer over a power of two, reduced.
Ref float_as_integer_ratio(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    double v = self_value("as_integer_ratio", args, nargs, kwnames);
    if (std::isinf(v)) raise(&OverflowError_type, "cannot convert Infinity to integer ratio");
    if (std::isnan(v)) raise(&ValueError_type, "cannot convert NaN to integer ratio");
    int e;
    double m = std::frexp(v, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --e;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0)
        mpz_mul_2exp(num, num, e);
    else
        mpz_mul_2exp(den, den, -e);
    Ref n = int_from_mpz(num);
    Ref d = int_from_mpz(den);
    mpz_clear(num);
    mpz_clear(den);
    Object* items[] = {n.get(), d.get()};
    return tuple_from(items, 2);
}

// __divmod__ and __rdivmod__ for floats and ints, with CPython's "float divmod()" for a zero divisor.
Ref float_divmod_of(Object* a, Object* b) {
    double x, y, div, mod;
    if (!float_operands(a, b, &x, &y)) return Ref::borrow(NotImplemented);
    if (y == 0) raise_zero_division("float divmod()");
    float_divmod(x, y, &div, &mod);
    Ref quotient = float_new(div);
    Ref remainder = float_new(mod);
    Object* items[] = {quotient.get(), remainder.get()};
    return tuple_from(items, 2);
}

template <bool reflected>
Ref float_divmod_method(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(reflected ? "__rdivmod__" : "__divmod__");
    if (nargs != 2) raise_wrapper_arg_count(1, nargs - 1);
    return reflected ? float_divmod_of(args[1], args[0]) : float_divmod_of(args[0], args[1]);
}

// CPython's limits for round(x, ndigits): past the digits a double can have x stays as it is;
// below its range it rounds to zero.
constexpr int64_t kRoundDigitsMax = 323;   // (53 + 1021) * log10(2)
constexpr int64_t kRoundDigitsMin = -308;  // -(1024 + 1) * log10(2)

// round(x, ndigits) on the exact binary value of x, ties to even, as CPython's double_round (which
// reads back the correctly rounded decimal text).
double round_double(double x, int64_t ndigits) {
    if (!std::isfinite(x) || ndigits > kRoundDigitsMax) return x;
    if (ndigits < kRoundDigitsMin) return 0.0 * x;
    if (ndigits >= 0) {
        // printf rounds the exact value, ties to even; the text has at most 309 integer digits.
        char text[kRoundDigitsMax + 320];
        CNumericScope c_numbers;
        std::snprintf(text, sizeof text, "%.*f", static_cast<int>(ndigits), x);
        return c_strtod(text);
    }
    double whole = std::trunc(x);
    Ref rounded = int_round_tens(int_from_double(whole).get(), static_cast<uint64_t>(-ndigits), whole != x);
    // Only rounding up above 1e308 can pass half way from the largest double to 2**1024
    // (DBL_MAX + 2**970), where CPython's strtod overflows.
    if (std::fabs(x) > 1e308) {
        Ref limit = int_binary(int_from_double(DBL_MAX).get(), int_from_double(std::ldexp(1.0, 970)).get(),
                               BinaryOp::Add);
        Ref magnitude = x < 0 ? int_binary(make_small_int(0), rounded.get(), BinaryOp::Sub) : rounded;
        if (int_compare(magnitude.get(), limit.get()) >= 0)
            raise(&OverflowError_type, "rounded value too large to represent");
    }
    return std::copysign(int_to_double(rounded.get()), x);
}

// float.__round__(ndigits): an int without ndigits (or with None), else a float.
Ref float_round(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("__round__");
    if (nargs > 2) raise_arg_count("__round__", 0, 1, nargs - 1);
    double x = float_value(args[0]);
    if (nargs == 1 || args[1] == None) return int_from_double(std::nearbyint(x));
    return float_new(round_double(x, as_index_clamped(args[1])));
}

// float.hex(): 0x<leading digit>.<13 hex digits>p<exponent>, subnormals as 0x0.<...>p-1022.
Ref float_hex(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    double v = self_value("float.hex", args, nargs, kwnames);
    if (!std::isfinite(v)) return str_new(float_repr(v));
    if (v == 0) return str_new(std::signbit(v) ? "-0x0.0p+0" : "0x0.0p+0");
    auto bits = std::bit_cast<uint64_t>(v);
    int biased_exponent = static_cast<int>((bits >> 52) & 0x7FF);
    unsigned long long fraction = bits & ((uint64_t{1} << 52) - 1);
    int exponent = biased_exponent ? biased_exponent - 1023 : -1022;
    return str_new(format("%s0x%d.%013llxp%+d", std::signbit(v) ? "-" : "", biased_exponent ? 1 : 0, fraction,
                          exponent));
}

// The value of `mantissa` * 2**`exponent` (with `sticky` set when nonzero bits were dropped below
// the mantissa), rounded half-to-even to a double, subnormals included; inf when too large.
// Written out because glibc's strtod misrounds some subnormal hex texts ("0x0.ffffffffffffecp-1022").
double round_to_double(uint64_t mantissa, int64_t exponent, bool sticky) {
    if (mantissa == 0) return 0.0;
    int length = std::bit_width(mantissa);
    int64_t top = exponent + length - 1;  // the exponent of the leading bit
    if (top > 1023) return INFINITY;
    // Bits kept: 53, fewer for a subnormal result; none left means below half the smallest one.
    int64_t keep = top >= -1022 ? 53 : top + 1075;
    if (keep < 0) return 0.0;
    int shift = length - static_cast<int>(keep);
    if (shift > 0) {
        uint64_t dropped = mantissa & ((uint64_t{1} << shift) - 1);
        uint64_t half = uint64_t{1} << (shift - 1);
        mantissa >>= shift;
        exponent += shift;
        if (dropped > half || (dropped == half && (sticky || (mantissa & 1)))) ++mantissa;
    }
    return std::ldexp(static_cast<double>(mantissa), static_cast<int>(std::max<int64_t>(exponent, -2000)));
}

// float.fromhex's text, [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits], as CPython
// reads it; false when the syntax is wrong. Up to 60 significant bits are kept, the rest is sticky.
bool parse_hex_float(std::string_view s, double* out) {
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (s.size() - i >= 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    uint64_t mantissa = 0;
    int64_t exponent = 0;
    bool sticky = false;
    size_t digits = 0;
    auto read_digits = [&](bool fraction) {
        for (; i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])); ++i, ++digits) {
            int d = std::isdigit(static_cast<unsigned char>(s[i])) ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
            if (mantissa >> 56 == 0) {
                mantissa = mantissa * 16 + d;
                if (fraction) exponent -= 4;
            } else {
                sticky |= d != 0;
                if (!fraction) exponent += 4;
            }
        }
    };
    read_digits(false);
    if (i < s.size() && s[i] == '.') {
        ++i;
        read_digits(true);
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] | 0x20) == 'p') {
        ++i;
        bool negative_power = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative_power = s[i++] == '-';
        size_t first_digit = i;
        int64_t power = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            power = std::min<int64_t>(power * 10 + (s[i] - '0'), int64_t{1} << 40);  // saturates
        if (i == first_digit) return false;
        exponent += negative_power ? -power : power;
    }
    if (i != s.size()) return false;
    double value = round_to_double(mantissa, exponent, sticky);
    *out = negative ? -value : value;
    return true;
}

Ref float_fromhex(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    check_positional("fromhex", nargs - 1, kwnames, 1, 1);
    if (!is_instance(args[1], &str_type)) raise(&TypeError_type, "bad argument type for built-in operation");
    std::string_view s = str_utf8_of(args[1]);
    auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    double value;
    std::string_view unsigned_text = s.substr(!s.empty() && (s[0] == '+' || s[0] == '-'));
    std::string word(unsigned_text);
    std::transform(word.begin(), word.end(), word.begin(),
                   [](char c) { return static_cast<char>(c | 0x20); });
    if (word == "inf" || word == "infinity" || word == "nan") {
        value = word == "nan" ? NAN : INFINITY;
        if (s[0] == '-') value = -value;
    } else {
        if (!parse_hex_float(s, &value)) raise(&ValueError_type, "invalid hexadecimal floating-point string");
        if (std::isinf(value))
            raise(&OverflowError_type, "hexadecimal value too large to represent as a float");
    }
    // A subclass gets cls(value), as CPython's classmethod does.
    Ref result = float_new(value);
    return args[0] == &float_type ? result : call1(args[0], result.get());
}

// float.__getformat__(typestr): how this machine stores C doubles and floats (unittest's
// test.support asks at import). Every platform minipy builds on stores them as IEEE 754.
Ref float_getformat(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__getformat__", nargs - 1, kw, 1, 1);
    if (!is_instance(args[1], &str_type))
        raise(&TypeError_type,
              format("__getformat__() argument must be str, not %s", type_of(args[1])->name.c_str()));
    std::string which = str_utf8_of(args[1]);
    if (which != "double" && which != "float")
        raise(&ValueError_type, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_new(std::endian::native == std::endian::little ? "IEEE, little-endian" : "IEEE, big-endian");
}

const MethodDef float_methods[] = {
    {"__getformat__", float_getformat, "You probably don't want to use this function.", MethodKind::Class},
    {"__format__", builtin_format_method, "Convert to a string according to format_spec."},
    {"is_integer", float_is_integer, "Return True if the float is an integer."},
    {"conjugate", float_conjugate, "Return self, the complex conjugate of any float."},
    {"as_integer_ratio", float_as_integer_ratio, "Return a pair of integers whose ratio is exact."},
    {"hex", float_hex,
     "Return a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n"
     "'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"},
    {"fromhex", float_fromhex,
     "Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n"
     "2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324",
     MethodKind::Class},
    {"__divmod__", float_divmod_method<false>, "Return divmod(self, value)."},
    {"__rdivmod__", float_divmod_method<true>, "Return divmod(value, self)."},
    {"__round__", float_round,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {nullptr, nullptr, nullptr},
};

void set_binary(Type& t, BinaryOp op, BinarySlot slot) { t.binary[static_cast<size_t>(op)] = slot; }

}  // namespace

void init_float_type() {
    Type& t = float_type;
    t.name = "float";
    t.instance_size = sizeof(Float);
    t.dealloc = float_dealloc;
    t.leaf_dealloc = true;
    t.repr = float_repr_slot;
    t.hash = float_hash_slot;
    t.compare = float_compare;
    t.truthy = float_truthy;
    t.neg = float_neg;
    t.pos = float_pos;
    t.abs = float_abs;
    t.construct = float_construct;
    t.getattr = float_getattr;
    t.methods = float_methods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    set_binary(t, BinaryOp::Add, float_slot<BinaryOp::Add>);
    set_binary(t, BinaryOp::Sub, float_slot<BinaryOp::Sub>);
    set_binary(t, BinaryOp::Mul, float_slot<BinaryOp::Mul>);
    set_binary(t, BinaryOp::TrueDiv, float_slot<BinaryOp::TrueDiv>);
    set_binary(t, BinaryOp::FloorDiv, float_slot<BinaryOp::FloorDiv>);
    set_binary(t, BinaryOp::Mod, float_slot<BinaryOp::Mod>);
    set_binary(t, BinaryOp::Pow, float_slot<BinaryOp::Pow>);
    init_type(&t);
    add_attribute_descriptors(&t, {"real", "imag"});
}

}  // namespace minipy
