// int.cpp — arbitrary-precision int: machine-word fast paths on tagged small ints with overflow
// checks, GMP for everything larger, and CPython's semantics for floor division, modulo, shifts,
// true division (correctly rounded) and hashing (reduction modulo 2**61 - 1).
#include "objects/int.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/gc.h"
#include "objects/getset_descriptor.h"
#include "objects/str.h"

namespace minipy {

Type int_type;

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

BigInt* as_big(Object* o) { return static_cast<BigInt*>(o); }

// Reads a small int or a bool as a machine word; false for a BigInt.
bool as_word(Object* o, int64_t* v) {
    if (is_small_int(o)) {
        *v = small_int_value(o);
        return true;
    }
    if (o->type == &bool_type) {
        *v = o == True ? 1 : 0;
        return true;
    }
    return false;
}

// An int too large for a small int, or (with a GcHead: objects/gc.h) an instance of a class derived
// from int.
BigInt* big_alloc(Type* t = &int_type) {
    auto* b = new_object_of<BigInt>(t);
    mpz_init(b->value);
    return b;
}

void big_dealloc(Object* o) {
    mpz_clear(as_big(o)->value);
    delete_object_of(as_big(o));
}

// An int operand as a read-only mpz: BigInts are used in place, words are converted.
class MpzView {
public:
    explicit MpzView(Object* o) {
        int64_t v;
        if (as_word(o, &v)) {
            mpz_init_set_si(tmp_, v);
            p_ = tmp_;
            owned_ = true;
        } else {
            p_ = as_big(o)->value;
        }
    }
    ~MpzView() {
        if (owned_) mpz_clear(tmp_);
    }
    MpzView(const MpzView&) = delete;
    MpzView& operator=(const MpzView&) = delete;
    mpz_srcptr get() const { return p_; }

private:
    mpz_t tmp_;
    mpz_srcptr p_;
    bool owned_ = false;
};

// A scratch mpz that releases its limbs even when an exception passes.
struct TempMpz {
    mpz_t v;
    TempMpz() { mpz_init(v); }
    ~TempMpz() { mpz_clear(v); }
    TempMpz(const TempMpz&) = delete;
    TempMpz& operator=(const TempMpz&) = delete;
};

// Rounds |m| * 2**shift to the nearest double (ties to even), as CPython's int-to-float does:
// keep 55 significant bits plus a sticky bit, then let the hardware round to 53.
double mpz_to_double(mpz_srcptr m) {
    size_t bits = mpz_sizeinbase(m, 2);
    if (bits <= 63) return static_cast<double>(mpz_get_si(m));
    TempMpz q;
    long shift = static_cast<long>(bits) - 55;
    uint64_t top;
    if (shift > 0) {
        mpz_tdiv_q_2exp(q.v, m, shift);
        mpz_abs(q.v, q.v);
        top = mpz_get_ui(q.v);
        if (mpz_scan1(m, 0) < static_cast<mp_bitcnt_t>(shift)) top |= 1;
    } else {
        mpz_abs(q.v, m);
        top = mpz_get_ui(q.v);
        shift = 0;
    }
    double d = std::ldexp(static_cast<double>(top), shift);
    return mpz_sgn(m) < 0 ? -d : d;
}

[[noreturn]] void raise_int_too_large() { raise(&OverflowError_type, "int too large to convert to float"); }

}  // namespace

// ---- construction and conversion ----
Ref int_from_i64(int64_t v) {
    if (fits_small_int(v)) return Ref::steal(make_small_int(v));
    BigInt* b = big_alloc();
    mpz_set_si(b->value, v);
    return Ref::steal(b);
}

Ref int_from_mpz(const mpz_t v) {
    if (mpz_fits_slong_p(v)) {
        long x = mpz_get_si(v);
        if (fits_small_int(x)) return Ref::steal(make_small_int(x));
    }
    BigInt* b = big_alloc();
    mpz_set(b->value, v);
    return Ref::steal(b);
}

Ref int_exact(Object* o) {
    int64_t v;
    if (as_word(o, &v)) return int_from_i64(v);
    if (o->type == &int_type) return Ref::borrow(o);
    return int_from_mpz(as_big(o)->value);
}

bool int_overrides(Object* o, const char* dunder) {
    if (is_exact_int(o)) return false;
    Ref m = type_lookup(type_of(o), intern(dunder));
    return m && m.get() != dict_get_str(int_type.dict, intern(dunder));
}

Ref int_subclass_new(Type* t, Object* value) {
    BigInt* b = big_alloc(t);
    int_to_mpz(value, b->value);
    return Ref::steal(b);
}

Ref int_from_double(double d) {
    if (std::isnan(d)) raise(&ValueError_type, "cannot convert float NaN to integer");
    if (std::isinf(d)) raise(&OverflowError_type, "cannot convert float infinity to integer");
    if (std::fabs(d) < 0x1p61) return int_from_i64(static_cast<int64_t>(d));
    TempMpz m;
    mpz_set_d(m.v, d);
    return int_from_mpz(m.v);
}

bool int_to_i64(Object* o, int64_t* out) {
    if (as_word(o, out)) return true;
    if (!mpz_fits_slong_p(as_big(o)->value)) return false;
    *out = mpz_get_si(as_big(o)->value);
    return true;
}

double int_to_double(Object* o) {
    int64_t v;
    if (as_word(o, &v)) return static_cast<double>(v);
    double d = mpz_to_double(as_big(o)->value);
    if (std::isinf(d)) raise_int_too_large();
    return d;
}

void int_to_mpz(Object* o, mpz_t out) {
    int64_t v;
    if (as_word(o, &v))
        mpz_set_si(out, v);
    else
        mpz_set(out, as_big(o)->value);
}

namespace {

std::atomic<int> g_max_str_digits{kDefaultMaxStrDigits};

[[noreturn]] void raise_to_str_limit(int limit) {
    raise(&ValueError_type, format("Exceeds the limit (%d digits) for integer string conversion; use "
                                   "sys.set_int_max_str_digits() to increase the limit",
                                   limit));
}

// The digits of |m| in `base`; for base 10 under the limit, refused before the conversion when
// GMP's estimate (exact or one over) is already too many, as CPython refuses before its quadratic
// work, and after it when the estimate was one over.
std::string magnitude_digits(mpz_srcptr m, int base, bool limited) {
    size_t estimate = mpz_sizeinbase(m, base);
    int limit = limited && base == 10 ? int_max_str_digits() : 0;
    if (limit > 0 && estimate > static_cast<size_t>(limit) + 1) raise_to_str_limit(limit);
    std::string digits(estimate + 2, '\0');
    TempMpz a;
    mpz_abs(a.v, m);
    mpz_get_str(digits.data(), base, a.v);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
    if (limit > 0 && digits.size() > static_cast<size_t>(limit)) raise_to_str_limit(limit);
    return digits;
}

std::string decimal_text(Object* o, bool limited) {
    int64_t v;
    if (as_word(o, &v)) {
        char buf[24];
        auto res = std::to_chars(buf, buf + sizeof buf, v);
        return std::string(buf, res.ptr);
    }
    mpz_srcptr m = as_big(o)->value;
    return (mpz_sgn(m) < 0 ? "-" : "") + magnitude_digits(m, 10, limited);
}

}  // namespace

int int_max_str_digits() { return g_max_str_digits.load(std::memory_order_relaxed); }

void set_int_max_str_digits(int digits) { g_max_str_digits.store(digits, std::memory_order_relaxed); }

std::string int_str_digits_error(size_t digits) {
    return format(
        "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use "
        "sys.set_int_max_str_digits() to increase the limit",
        int_max_str_digits(), digits);
}

std::string int_to_decimal(Object* o) { return decimal_text(o, true); }

std::string int_to_decimal_unlimited(Object* o) { return decimal_text(o, false); }

std::string int_to_base(Object* o, int base, bool with_prefix) {
    const char* prefix = !with_prefix ? "" : base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    // Word-sized ints (nearly all) without GMP: through mpz_get_str, "%d" % n spent 750 instructions
    // here (bench/exceptions.py).
    if (int64_t v; as_word(o, &v)) {
        uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        char buf[72];
        auto res = std::to_chars(buf, buf + sizeof buf, magnitude, base);
        return (v < 0 ? "-" : "") + std::string(prefix) + std::string(buf, res.ptr);
    }
    MpzView m(o);
    std::string digits = magnitude_digits(m.get(), base, true);
    return (mpz_sgn(m.get()) < 0 ? "-" : "") + std::string(prefix) + digits;
}

// ---- parsing ----
namespace {

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Returns the digits without sign, prefix and underscores, or false when the literal is invalid.
bool clean_literal(std::string_view s, int* base, bool* negative, std::string* digits) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    *negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        *negative = s[0] == '-';
        s.remove_prefix(1);
    }
    bool after_prefix = false;
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefix_base && (*base == 0 || *base == prefix_base)) {
            *base = prefix_base;
            s.remove_prefix(2);
            after_prefix = true;
        }
    }
    bool leading_zero_decimal = *base == 0;
    if (*base == 0) *base = 10;
    bool prev_underscore = after_prefix;  // "0x_1" is valid: one underscore may follow a prefix
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if ((i == 0 && !after_prefix) || (i > 0 && s[i - 1] == '_')) return false;
            prev_underscore = true;
            continue;
        }
        if (digit_value(c) >= *base) return false;
        digits->push_back(c);
        prev_underscore = false;
    }
    if (prev_underscore) return false;
    // Base 0 forbids leading zeros in decimal literals ("010"), except for zero itself.
    if (leading_zero_decimal && !after_prefix && digits->size() > 1 && (*digits)[0] == '0')
        return digits->find_first_not_of('0') == std::string::npos;
    return true;
}

}  // namespace

namespace {

// The value of an int literal in *out, or false when the text is not one. Past the digit limit
// (bases that are not powers of two) it raises, even before an invalid character, as CPython
// counts the digits first.
bool parse_int_text(const std::string& text, int base, bool limited, Ref* out) {
    if (base != 0 && (base < 2 || base > 36))
        raise(&ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    bool negative;
    std::string digits;
    std::string converted;
    bool valid = clean_literal(ascii_number_text(text, converted), &base, &negative, &digits);
    int limit = limited && (base & (base - 1)) != 0 ? int_max_str_digits() : 0;
    if (limit > 0 && digits.size() > static_cast<size_t>(limit))
        raise(&ValueError_type, int_str_digits_error(digits.size()));
    if (!valid) return false;
    if (digits.size() <= 12) {
        int64_t v = 0;
        for (char c : digits) v = v * base + digit_value(c);
        *out = int_from_i64(negative ? -v : v);
        return true;
    }
    TempMpz m;
    mpz_set_str(m.v, digits.c_str(), base);
    if (negative) mpz_neg(m.v, m.v);
    *out = int_from_mpz(m.v);
    return true;
}

Ref int_from_text(const std::string& text, int base, bool limited) {
    Ref value;
    if (!parse_int_text(text, base, limited, &value))
        raise(&ValueError_type,
              format("invalid literal for int() with base %d: %s", base, str_repr_text(text).c_str()));
    return value;
}

}  // namespace

Ref int_from_string(const std::string& text, int base) { return int_from_text(text, base, true); }

Ref int_from_string_unlimited(const std::string& text, int base) { return int_from_text(text, base, false); }

// ---- arithmetic ----
namespace {

Ref big_result(TempMpz& r) { return int_from_mpz(r.v); }

// Correctly rounded a / b for ints too wide for an exact double division: scale so the quotient
// has 55 significant bits, fold the remainder into a sticky bit, round once.
double int_true_divide(Object* a, Object* b) {
    MpzView x(a), y(b);
    if (mpz_sgn(y.get()) == 0) raise_zero_division("division by zero");
    if (mpz_sgn(x.get()) == 0) return (mpz_sgn(y.get()) < 0) ? -0.0 : 0.0;
    long shift =
        static_cast<long>(mpz_sizeinbase(y.get(), 2)) - static_cast<long>(mpz_sizeinbase(x.get(), 2)) + 55;
    TempMpz num, den, q, r;
    mpz_abs(num.v, x.get());
    mpz_abs(den.v, y.get());
    if (shift > 0)
        mpz_mul_2exp(num.v, num.v, shift);
    else
        mpz_mul_2exp(den.v, den.v, -shift);
    mpz_tdiv_qr(q.v, r.v, num.v, den.v);
    uint64_t top = mpz_get_ui(q.v) | (mpz_sgn(r.v) != 0 ? 1 : 0);
    double d = std::ldexp(static_cast<double>(top), -shift);
    if (std::isinf(d)) raise(&OverflowError_type, "integer division result too large for a float");
    return (mpz_sgn(x.get()) < 0) != (mpz_sgn(y.get()) < 0) ? -d : d;
}

Ref true_divide(Object* a, Object* b) {
    int64_t x, y;
    constexpr int64_t kExact = int64_t{1} << 53;
    if (as_word(a, &x) && as_word(b, &y) && x <= kExact && x >= -kExact && y <= kExact && y >= -kExact) {
        if (y == 0) raise_zero_division("division by zero");
        return float_new(static_cast<double>(x) / static_cast<double>(y));
    }
    return float_new(int_true_divide(a, b));
}

// x ** y for y >= 0 on machine words; false on overflow.
bool word_pow(int64_t x, int64_t y, int64_t* out) {
    int64_t result = 1;
    while (y > 0) {
        if ((y & 1) && __builtin_mul_overflow(result, x, &result)) return false;
        y >>= 1;
        if (y > 0 && __builtin_mul_overflow(x, x, &x)) return false;
    }
    *out = result;
    return true;
}

// GMP aborts the process when a result would pass its size limit (about 2**37 bits): a result of
// `bits` bits is refused first with MemoryError, as is one larger than check_allocation allows.
void check_result_bits(uint64_t bits) {
    constexpr uint64_t kGmpMaxBits = uint64_t{INT32_MAX} * 64;
    if (bits > kGmpMaxBits) raise(&MemoryError_type, "");
    check_allocation(bits / 8 + 1, 1);
}

Ref big_pow(Object* a, Object* b) {
    MpzView x(a), y(b);
    if (mpz_sgn(y.get()) < 0) return float_new(float_pow(int_to_double(a), int_to_double(b)));
    if (!mpz_fits_ulong_p(y.get())) {
        if (mpz_cmpabs_ui(x.get(), 1) <= 0) {
            bool odd = mpz_odd_p(y.get());
            return int_from_i64(mpz_sgn(x.get()) == 0 ? 0 : (mpz_sgn(x.get()) < 0 && odd) ? -1 : 1);
        }
        raise(&MemoryError_type, "");
    }
    uint64_t exponent = mpz_get_ui(y.get());
    uint64_t base_bits = mpz_sizeinbase(x.get(), 2);
    if (mpz_cmpabs_ui(x.get(), 1) > 0) {
        // |x| >= 2**(base_bits - 1), so the result has at least (base_bits - 1) * exponent bits.
        if (exponent > UINT64_MAX / base_bits) raise(&MemoryError_type, "");
        check_result_bits((base_bits - 1) * exponent);
    }
    TempMpz r;
    mpz_pow_ui(r.v, x.get(), exponent);
    return big_result(r);
}

Ref shift(Object* a, Object* b, bool left) {
    MpzView y(b);
    if (mpz_sgn(y.get()) < 0) raise(&ValueError_type, "negative shift count");
    MpzView x(a);
    if (mpz_sgn(x.get()) == 0) return Ref::steal(make_small_int(0));
    if (!mpz_fits_ulong_p(y.get())) {
        if (left) raise(&OverflowError_type, "too many digits in integer");
        return int_from_i64(mpz_sgn(x.get()) < 0 ? -1 : 0);
    }
    TempMpz r;
    if (left) {
        check_result_bits(mpz_get_ui(y.get()));  // first on its own: the sum below could wrap
        check_result_bits(mpz_sizeinbase(x.get(), 2) + mpz_get_ui(y.get()));
    }
    if (left)
        mpz_mul_2exp(r.v, x.get(), mpz_get_ui(y.get()));
    else
        mpz_fdiv_q_2exp(r.v, x.get(), mpz_get_ui(y.get()));
    return big_result(r);
}

// The general path: one operand is a BigInt or a word result overflowed.
Ref big_binary(Object* a, Object* b, BinaryOp op) {
    switch (op) {
        case BinaryOp::TrueDiv:
            return true_divide(a, b);
        case BinaryOp::Pow:
            return big_pow(a, b);
        case BinaryOp::LShift:
            return shift(a, b, true);
        case BinaryOp::RShift:
            return shift(a, b, false);
        default:
            break;
    }
    MpzView x(a), y(b);
    TempMpz r;
    switch (op) {
        case BinaryOp::Add:
            mpz_add(r.v, x.get(), y.get());
            break;
        case BinaryOp::Sub:
            mpz_sub(r.v, x.get(), y.get());
            break;
        case BinaryOp::Mul:
            mpz_mul(r.v, x.get(), y.get());
            break;
        case BinaryOp::FloorDiv:
            if (mpz_sgn(y.get()) == 0) raise_zero_division("integer division or modulo by zero");
            mpz_fdiv_q(r.v, x.get(), y.get());
            break;
        case BinaryOp::Mod:
            if (mpz_sgn(y.get()) == 0) raise_zero_division("integer modulo by zero");
            mpz_fdiv_r(r.v, x.get(), y.get());
            break;
        case BinaryOp::And:
            mpz_and(r.v, x.get(), y.get());
            break;
        case BinaryOp::Or:
            mpz_ior(r.v, x.get(), y.get());
            break;
        case BinaryOp::Xor:
            mpz_xor(r.v, x.get(), y.get());
            break;
        default:
            return Ref::borrow(NotImplemented);
    }
    return big_result(r);
}

// Python's floor division and modulo: the remainder takes the divisor's sign.
int64_t floor_div(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return q;
}

int64_t floor_mod(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

}  // namespace

Ref int_binary(Object* a, Object* b, BinaryOp op) {
    int64_t x, y, r;
    if (!as_word(a, &x) || !as_word(b, &y)) return big_binary(a, b, op);
    // Words hold at most 62 bits, so + and - cannot overflow int64.
    switch (op) {
        case BinaryOp::Add:
            return int_from_i64(x + y);
        case BinaryOp::Sub:
            return int_from_i64(x - y);
        case BinaryOp::Mul:
            if (__builtin_mul_overflow(x, y, &r)) return big_binary(a, b, op);
            return int_from_i64(r);
        case BinaryOp::FloorDiv:
            if (y == 0) raise_zero_division("integer division or modulo by zero");
            return int_from_i64(floor_div(x, y));
        case BinaryOp::Mod:
            if (y == 0) raise_zero_division("integer modulo by zero");
            return int_from_i64(floor_mod(x, y));
        case BinaryOp::TrueDiv:
            return true_divide(a, b);
        case BinaryOp::Pow:
            if (y >= 0 && word_pow(x, y, &r)) return int_from_i64(r);
            return big_pow(a, b);
        case BinaryOp::LShift:
            if (y < 0) raise(&ValueError_type, "negative shift count");
            if (y < 62 && (x == 0 || (x << y) >> y == x)) return int_from_i64(x << y);
            return shift(a, b, true);
        case BinaryOp::RShift:
            if (y < 0) raise(&ValueError_type, "negative shift count");
            return int_from_i64(x >> (y > 63 ? 63 : y));
        case BinaryOp::And:
            return int_from_i64(x & y);
        case BinaryOp::Or:
            return int_from_i64(x | y);
        case BinaryOp::Xor:
            return int_from_i64(x ^ y);
        default:
            return Ref::borrow(NotImplemented);
    }
}

Ref int_pow_mod(Object* base, Object* exp, Object* mod) {
    MpzView b(base), e(exp), m(mod);
    if (mpz_sgn(m.get()) == 0) raise(&ValueError_type, "pow() 3rd argument cannot be 0");
    TempMpz abs_mod, b2, r;
    mpz_abs(abs_mod.v, m.get());
    mpz_set(b2.v, b.get());
    TempMpz abs_exp;
    mpz_abs(abs_exp.v, e.get());
    if (mpz_sgn(e.get()) < 0 && !mpz_invert(b2.v, b2.v, abs_mod.v))
        raise(&ValueError_type, "base is not invertible for the given modulus");
    mpz_powm(r.v, b2.v, abs_exp.v, abs_mod.v);
    if (mpz_sgn(m.get()) < 0 && mpz_sgn(r.v) != 0) mpz_add(r.v, r.v, m.get());
    return big_result(r);
}

int int_compare(Object* a, Object* b) {
    int64_t x, y;
    if (as_word(a, &x) && as_word(b, &y)) return (x > y) - (x < y);
    MpzView p(a), q(b);
    int c = mpz_cmp(p.get(), q.get());
    return (c > 0) - (c < 0);
}

int64_t int_hash(Object* o) {
    int64_t v;
    uint64_t h;
    bool negative;
    if (as_word(o, &v)) {
        negative = v < 0;
        h = (negative ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v)) % kHashModulus;
    } else {
        negative = mpz_sgn(as_big(o)->value) < 0;
        h = mpz_fdiv_ui(as_big(o)->value, kHashModulus);
        if (negative && h != 0) h = kHashModulus - h;  // fdiv gives the residue of the value, not |value|
    }
    auto result = negative ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
    return result == -1 ? -2 : result;
}

Ref int_round_tens(Object* v, uint64_t places, bool beyond_tie) {
    MpzView value(v);
    TempMpz magnitude, unit, quotient, remainder;
    mpz_abs(magnitude.v, value.get());
    // |v| < 10**(places - 1) rounds to 0 however large places is: no need to build 10**places.
    if (places > mpz_sizeinbase(magnitude.v, 10) + 1) return Ref::steal(make_small_int(0));
    mpz_ui_pow_ui(unit.v, 10, places);
    mpz_fdiv_qr(quotient.v, remainder.v, magnitude.v, unit.v);
    mpz_mul_2exp(remainder.v, remainder.v, 1);
    int half = mpz_cmp(remainder.v, unit.v);
    if (half > 0 || (half == 0 && (beyond_tie || mpz_odd_p(quotient.v))))
        mpz_add_ui(quotient.v, quotient.v, 1);
    mpz_mul(quotient.v, quotient.v, unit.v);
    if (mpz_sgn(value.get()) < 0) mpz_neg(quotient.v, quotient.v);
    return int_from_mpz(quotient.v);
}

// ---- the int type ----
namespace {

template <BinaryOp op>
Ref int_slot(Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return Ref::borrow(NotImplemented);
    return int_binary(a, b, op);
}

Ref int_repr(Object* o) { return str_new(int_to_decimal(o)); }

int64_t int_hash_slot(Object* o) { return int_hash(o); }

bool int_truthy(Object* o) {
    int64_t v;
    return as_word(o, &v) ? v != 0 : mpz_sgn(as_big(o)->value) != 0;
}

Ref int_compare_slot(Object* a, Object* b, CompareOp op) {
    if (!is_int(b)) return Ref::borrow(NotImplemented);
    int c = int_compare(a, b);
    bool r = false;
    switch (op) {
        case CompareOp::Lt:
            r = c < 0;
            break;
        case CompareOp::Le:
            r = c <= 0;
            break;
        case CompareOp::Eq:
            r = c == 0;
            break;
        case CompareOp::Ne:
            r = c != 0;
            break;
        case CompareOp::Gt:
            r = c > 0;
            break;
        case CompareOp::Ge:
            r = c >= 0;
            break;
    }
    return Ref::borrow(bool_obj(r));
}

Ref int_neg(Object* o) {
    int64_t v;
    if (as_word(o, &v)) return int_from_i64(-v);
    TempMpz r;
    mpz_neg(r.v, as_big(o)->value);
    return big_result(r);
}

// +x of a bool or of an int subclass instance is an exact int; of an int, itself.
Ref int_pos(Object* o) { return int_exact(o); }

Ref int_invert(Object* o) {
    int64_t v;
    if (as_word(o, &v)) return int_from_i64(~v);
    TempMpz r;
    mpz_com(r.v, as_big(o)->value);
    return big_result(r);
}

Ref int_abs(Object* o) {
    int64_t v;
    if (as_word(o, &v)) return int_from_i64(v < 0 ? -v : v);
    TempMpz r;
    mpz_abs(r.v, as_big(o)->value);
    return big_result(r);
}

// int(b"12"), int(bytearray(b"ff"), 16): the bytes read as ASCII text; a bad literal is reported
// with the bytes' repr, as CPython's "invalid literal for int() with base 10: b''".
Ref int_from_bytes_text(Object* x, int base) {
    std::string data = bytes_like_data(x);
    bool ascii =
        std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    Ref value;
    if (ascii && data.find('\0') == std::string::npos && parse_int_text(data, base, true, &value))
        return value;
    raise(&ValueError_type,
          format("invalid literal for int() with base %d: %s", base, bytes_repr_text(data).c_str()));
}

// CPython's PyNumber_Long: an int subclass converts through its own __int__ when it has one.
Ref int_from_object(Object* x) {
    if (is_int(x) && !int_overrides(x, "__int__")) return int_exact(x);
    if (is_float(x)) return int_from_double(float_value(x));
    if (is_instance(x, &str_type)) return int_from_string(str_utf8_of(x), 10);
    if (is_bytes_like(x)) return int_from_bytes_text(x, 10);
    if (Ref m = special_method(x, intern("__int__"))) {
        Ref r = call0(m.get());
        if (!is_int(r.get()))
            raise(&TypeError_type,
                  format("__int__ returned non-int (type %s)", type_of(r.get())->name.c_str()));
        if (type_of(r.get()) != &int_type)
            warn(&DeprecationWarning_type,
                 format("__int__ returned non-int (type %s).  The ability to return an instance of a strict "
                        "subclass of int is deprecated, and may be removed in a future version of Python.",
                        type_of(r.get())->name.c_str()));
        return int_exact(r.get());
    }
    if (Ref r = index_value(x)) return r;
    // Deprecated in 3.11, still followed: __trunc__ may give any object with __index__.
    if (Ref m = special_method(x, intern("__trunc__"))) {
        warn(&DeprecationWarning_type, "The delegation of int() to __trunc__ is deprecated.");
        Ref r = call0(m.get());
        if (is_int(r.get())) return int_exact(r.get());
        if (!special_method(r.get(), intern("__index__")))
            raise(&TypeError_type,
                  format("__trunc__ returned non-Integral (type %s)", type_of(r.get())->name.c_str()));
        return int_exact(index_value(r.get()).get());
    }
    // A buffer (memoryview, array.array) is read as the text of its bytes.
    if (exports_buffer(x)) return int_from_bytes_text(x, 10);
    raise(&TypeError_type,
          format("int() argument must be a string, a bytes-like object or a real number, not '%s'",
                 type_of(x)->name.c_str()));
}

Ref int_value_from_args(Object* const* args, size_t nargs, Tuple* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0;
    if (nargs + nkw > 2)
        raise(&TypeError_type, format("int() takes at most 2 arguments (%zu given)", nargs + nkw));
    Object* x = nargs > 0 ? args[0] : nullptr;
    Object* base = nargs > 1 ? args[1] : nullptr;
    for (size_t k = 0; k < nkw; ++k) {
        const std::string& key = str_utf8_of(kwnames->items[k]);
        if (key != "base" || base)
            raise(&TypeError_type, format("'%s' is an invalid keyword argument for int()", key.c_str()));
        base = args[nargs + k];
    }
    if (!x) {
        if (base) raise(&TypeError_type, "int() missing string argument");
        return Ref::steal(make_small_int(0));
    }
    if (!base) return int_from_object(x);
    int64_t b = as_index_clamped(base);
    if ((b != 0 && b < 2) || b > 36) raise(&ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    if (is_bytes_like(x)) return int_from_bytes_text(x, static_cast<int>(b));
    if (!is_instance(x, &str_type))
        raise(&TypeError_type, "int() can't convert non-string with explicit base");
    return int_from_string(str_utf8_of(x), static_cast<int>(b));
}

// int(x=0, /, base=10); for a class derived from int, a fresh instance of it with that value.
Ref int_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    Ref v = int_value_from_args(args, nargs, kwnames);
    if (type == &int_type) return v;
    return int_subclass_new(static_cast<Type*>(type), v.get());
}

Ref int_getattr(Object* o, Str* name) {
    const std::string& n = name->utf8;
    if (n == "real" || n == "numerator") return int_pos(o);
    if (n == "imag") return Ref::steal(make_small_int(0));
    if (n == "denominator") return Ref::steal(make_small_int(1));
    return generic_getattr(o, name);
}

void check_no_args(const char* name, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs != 1) raise_arg_count(name, 0, 0, nargs - 1);
}

Ref int_bit_length(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    check_no_args("bit_length", nargs, kwnames);
    MpzView m(args[0]);
    if (mpz_sgn(m.get()) == 0) return Ref::steal(make_small_int(0));
    return int_from_i64(static_cast<int64_t>(mpz_sizeinbase(m.get(), 2)));
}

Ref int_bit_count(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    check_no_args("bit_count", nargs, kwnames);
    TempMpz a;
    mpz_abs(a.v, MpzView(args[0]).get());
    return int_from_i64(static_cast<int64_t>(mpz_popcount(a.v)));
}

Ref int_conjugate(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    check_no_args("conjugate", nargs, kwnames);
    return int_pos(args[0]);
}

Ref int_as_integer_ratio(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    check_no_args("as_integer_ratio", nargs, kwnames);
    Ref num = int_pos(args[0]);
    Object* items[] = {num.get(), make_small_int(1)};
    return tuple_from(items, 2);
}

// __divmod__ and __rdivmod__: (a // b, a % b) for two ints, else NotImplemented (float's
// __rdivmod__ then takes divmod(1, 2.5)).
Ref int_divmod_of(Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return Ref::borrow(NotImplemented);
    Ref quotient = int_binary(a, b, BinaryOp::FloorDiv);
    Ref remainder = int_binary(a, b, BinaryOp::Mod);
    Object* items[] = {quotient.get(), remainder.get()};
    return tuple_from(items, 2);
}

template <bool reflected>
Ref int_divmod(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(reflected ? "__rdivmod__" : "__divmod__");
    if (nargs != 2) raise_wrapper_arg_count(1, nargs - 1);
    return reflected ? int_divmod_of(args[1], args[0]) : int_divmod_of(args[0], args[1]);
}

// int.__round__(ndigits): the int itself, unless ndigits is negative (round(1250, -2) == 1200).
Ref int_round(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("__round__");
    if (nargs > 2) raise_arg_count("__round__", 0, 1, nargs - 1);
    Ref self = int_pos(args[0]);
    if (nargs == 1) return self;
    int64_t ndigits = as_index_clamped(args[1]);
    return ndigits >= 0 ? self : int_round_tens(self.get(), -static_cast<uint64_t>(ndigits), false);
}

// to_bytes/from_bytes: byteorder is 'big' (the default, as in 3.11) or 'little'.
bool big_endian(Object* byteorder) {
    if (!byteorder) return true;
    const std::string& order = expect_str(byteorder, "to_bytes() argument 'byteorder'")->utf8;
    if (order != "big" && order != "little")
        raise(&ValueError_type, "byteorder must be either 'little' or 'big'");
    return order == "big";
}

Ref int_to_bytes(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"self", "length", "byteorder", "signed"};
    Object* a[4];
    bind_args("to_bytes", args, nargs, kwnames, names, 4, 1, a);
    int64_t length = a[1] ? as_index(a[1]) : 1;
    if (length < 0) raise(&ValueError_type, "length argument must be non-negative");
    check_allocation(static_cast<uint64_t>(length), 8);  // the bound below has 8 * length bits
    bool big = big_endian(a[2]);
    bool is_signed = a[3] && is_true(a[3]);
    TempMpz v, limit;
    mpz_set(v.v, MpzView(a[0]).get());
    if (mpz_sgn(v.v) < 0 && !is_signed) raise(&OverflowError_type, "can't convert negative int to unsigned");
    // Two's complement in 8*length bits: the value must fit the signed or unsigned range.
    mpz_ui_pow_ui(limit.v, 2, static_cast<unsigned long>(8 * length - (is_signed && length > 0 ? 1 : 0)));
    bool fits = is_signed
                    ? mpz_cmpabs(v.v, limit.v) < 0 || (mpz_sgn(v.v) < 0 && mpz_cmpabs(v.v, limit.v) == 0)
                    : mpz_cmp(v.v, limit.v) < 0;
    if (length == 0) fits = mpz_sgn(v.v) == 0;
    if (!fits) raise(&OverflowError_type, "int too big to convert");
    if (mpz_sgn(v.v) < 0) {
        TempMpz modulus;
        mpz_ui_pow_ui(modulus.v, 2, static_cast<unsigned long>(8 * length));
        mpz_add(v.v, v.v, modulus.v);
    }
    std::string out(static_cast<size_t>(length), '\0');
    size_t count = 0;
    std::string digits((mpz_sizeinbase(v.v, 2) + 7) / 8 + 1, '\0');
    mpz_export(digits.data(), &count, -1, 1, 0, 0, v.v);
    for (size_t i = 0; i < count && i < out.size(); ++i) out[big ? out.size() - 1 - i : i] = digits[i];
    return bytes_new(out);
}

Ref int_from_bytes(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"cls", "bytes", "byteorder", "signed"};
    Object* a[4];
    bind_args("from_bytes", args, nargs, kwnames, names, 4, 2, a);
    // As CPython's bytes(x) less its int and str forms: a count or a text is no sequence of bytes.
    Object* source = a[1];
    if (!is_bytes_like(source) && !special_method(source, intern("__bytes__")) &&
        (is_int(source) || is_instance(source, &str_type) ||
         (special_method(source, intern("__index__")) && !type_of(source)->iter)))
        raise(&TypeError_type, format("cannot convert '%s' object to bytes", type_of(source)->name.c_str()));
    Ref own = is_bytes_like(source) ? nullptr : bytes_from_dunder(source);
    std::string data = is_bytes_like(source) ? bytes_like_data(source)
                       : own                 ? bytes_data(own.get())
                                             : bytes_from_args("bytes", source, nullptr, nullptr);
    if (big_endian(a[2])) std::reverse(data.begin(), data.end());
    TempMpz v;
    if (!data.empty()) mpz_import(v.v, data.size(), -1, 1, 0, 0, data.data());
    if (a[3] && is_true(a[3]) && !data.empty() && (static_cast<unsigned char>(data.back()) & 0x80)) {
        TempMpz limit;
        mpz_ui_pow_ui(limit.v, 2, 8 * data.size());
        mpz_sub(v.v, v.v, limit.v);
    }
    Ref value = int_from_mpz(v.v);
    // As CPython: a subclass gets cls(value), running its own __new__ and __init__.
    return a[0] == &int_type ? value : call1(a[0], value.get());
}

const MethodDef int_methods[] = {
    {"__format__", builtin_format_method, "Convert to a string according to format_spec."},
    {"bit_length", int_bit_length, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_conjugate, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, "Return a pair (self, 1)."},
    {"to_bytes", int_to_bytes, "Return an array of bytes representing an integer."},
    {"__divmod__", int_divmod<false>, "Return divmod(self, value)."},
    {"__rdivmod__", int_divmod<true>, "Return divmod(value, self)."},
    {"__round__", int_round,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"from_bytes", int_from_bytes, "Return the integer represented by the given array of bytes.",
     MethodKind::Class},
    {nullptr, nullptr, nullptr},
};

void set_binary(Type& t, BinaryOp op, BinarySlot slot) { t.binary[static_cast<size_t>(op)] = slot; }

}  // namespace

void init_int_type() {
    Type& t = int_type;
    t.name = "int";
    t.instance_size = sizeof(BigInt);
    t.dealloc = big_dealloc;
    t.leaf_dealloc = true;
    t.repr = int_repr;
    t.hash = int_hash_slot;
    t.compare = int_compare_slot;
    t.truthy = int_truthy;
    t.neg = int_neg;
    t.pos = int_pos;
    t.invert = int_invert;
    t.abs = int_abs;
    t.construct = int_construct;
    t.getattr = int_getattr;
    t.methods = int_methods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    t.int_layout = true;
    set_binary(t, BinaryOp::Add, int_slot<BinaryOp::Add>);
    set_binary(t, BinaryOp::Sub, int_slot<BinaryOp::Sub>);
    set_binary(t, BinaryOp::Mul, int_slot<BinaryOp::Mul>);
    set_binary(t, BinaryOp::TrueDiv, int_slot<BinaryOp::TrueDiv>);
    set_binary(t, BinaryOp::FloorDiv, int_slot<BinaryOp::FloorDiv>);
    set_binary(t, BinaryOp::Mod, int_slot<BinaryOp::Mod>);
    set_binary(t, BinaryOp::Pow, int_slot<BinaryOp::Pow>);
    set_binary(t, BinaryOp::LShift, int_slot<BinaryOp::LShift>);
    set_binary(t, BinaryOp::RShift, int_slot<BinaryOp::RShift>);
    set_binary(t, BinaryOp::And, int_slot<BinaryOp::And>);
    set_binary(t, BinaryOp::Or, int_slot<BinaryOp::Or>);
    set_binary(t, BinaryOp::Xor, int_slot<BinaryOp::Xor>);
    init_type(&t);
    add_attribute_descriptors(&t, {"real", "imag", "numerator", "denominator"});
}

}  // namespace minipy
