// math_module.cpp — the native `math` module: constants, the C library's float functions with
// CPython's "math domain error"/"math range error" rules, exact integer functions (factorial, gcd,
// comb, isqrt, ... on GMP big ints) and the exactly rounded fsum.
#include <cmath>
#include <cstring>
#include <iterator>
#include <string_view>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

[[noreturn]] void domain_error() { raise(&ValueError_type, "math domain error"); }
[[noreturn]] void range_error() { raise(&OverflowError_type, "math range error"); }

// ---- one-argument float functions, as CPython's math_1 ----
struct UnaryFn {
    const char* name;
    double (*fn)(double);
    bool can_overflow;  // an infinite result from a finite input is a range error, else a domain error
};

constexpr UnaryFn kUnary[] = {
    {"sqrt", [](double x) { return std::sqrt(x); }, false},
    {"cbrt", [](double x) { return std::cbrt(x); }, false},
    {"exp", [](double x) { return std::exp(x); }, true},
    {"exp2", [](double x) { return std::exp2(x); }, true},
    {"expm1", [](double x) { return std::expm1(x); }, true},
    {"log1p", [](double x) { return std::log1p(x); }, false},
    {"sin", [](double x) { return std::sin(x); }, false},
    {"cos", [](double x) { return std::cos(x); }, false},
    {"tan", [](double x) { return std::tan(x); }, false},
    {"asin", [](double x) { return std::asin(x); }, false},
    {"acos", [](double x) { return std::acos(x); }, false},
    {"atan", [](double x) { return std::atan(x); }, false},
    {"sinh", [](double x) { return std::sinh(x); }, true},
    {"cosh", [](double x) { return std::cosh(x); }, true},
    {"tanh", [](double x) { return std::tanh(x); }, false},
    {"asinh", [](double x) { return std::asinh(x); }, false},
    {"acosh", [](double x) { return std::acosh(x); }, false},
    {"atanh", [](double x) { return std::atanh(x); }, false},
    {"fabs", [](double x) { return std::fabs(x); }, false},
    {"erf", [](double x) { return std::erf(x); }, false},
    {"erfc", [](double x) { return std::erfc(x); }, false},
    {"gamma", [](double x) { return std::tgamma(x); }, true},
    {"lgamma", [](double x) { return std::lgamma(x); }, true},
    {"degrees", [](double x) { return x * (180.0 / M_PI); }, true},
    {"radians", [](double x) { return x * (M_PI / 180.0); }, false},
};

// The index of kUnary's entry `name`, found when compiling.
constexpr size_t unary_index(std::string_view name) {
    for (size_t i = 0; i < std::size(kUnary); ++i)
        if (name == kUnary[i].name) return i;
    return std::size(kUnary);
}

// kUnary[I] as a native function: one instance per entry, so a call finds its function without
// comparing names (bench/pyperf/float.py compared 44 M instructions' worth of them).
template <size_t I>
Ref math_unary(Object*, Args args, size_t nargs, Tuple* kw) {
    static_assert(I < std::size(kUnary), "no such math function");
    constexpr const UnaryFn& f = kUnary[I];
    check_clinic_positional("math", f.name, nargs, kw, 1, 1);
    double x = to_double(args[0]);
    // Gamma has poles at zero and the negative integers: CPython calls them domain errors.
    constexpr bool gamma = f.name == std::string_view("gamma") || f.name == std::string_view("lgamma");
    if (gamma && std::isfinite(x) && x <= 0 && x == std::floor(x)) domain_error();
    double r = f.fn(x);
    if (std::isnan(r) && !std::isnan(x)) domain_error();
    if (std::isinf(r) && std::isfinite(x)) {
        if (f.can_overflow) range_error();
        domain_error();
    }
    return float_new(r);
}

// ---- rounding ----
Ref rounding(const char* name, Args args, size_t nargs, Tuple* kw, double (*fn)(double)) {
    check_clinic_positional("math", name, nargs, kw, 1, 1);
    if (is_exact_int(args[0])) return Ref::borrow(args[0]);
    std::string dunder = std::string("__") + name + "__";
    // bool and int subclasses round to their exact int value unless their class says otherwise.
    if (is_int(args[0]) && !int_overrides(args[0], dunder.c_str())) return int_exact(args[0]);
    if (type_of(args[0]) != &float_type) {
        // Looked up on the type, as every special method (an instance attribute is not asked).
        if (Ref method = special_method(args[0], intern(dunder))) return call0(method.get());
        // trunc() has no float fallback (CPython's math_trunc).
        if (std::string_view(name) == "trunc")
            raise(&TypeError_type,
                  format("type %s doesn't define __trunc__ method", type_of(args[0])->name.c_str()));
    }
    return int_from_double(fn(to_double(args[0])));
}

Ref math_floor(Object*, Args args, size_t nargs, Tuple* kw) {
    return rounding("floor", args, nargs, kw, std::floor);
}
Ref math_ceil(Object*, Args args, size_t nargs, Tuple* kw) {
    return rounding("ceil", args, nargs, kw, std::ceil);
}
Ref math_trunc(Object*, Args args, size_t nargs, Tuple* kw) {
    return rounding("trunc", args, nargs, kw, std::trunc);
}

class Mpz {
public:
    Mpz() { mpz_init(v); }
    explicit Mpz(Object* o) : Mpz() { int_to_mpz(o, v); }
    ~Mpz() { mpz_clear(v); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
    mpz_t v;
};

// ---- logarithms: ints of any size, as CPython's loghelper ----
double log_of(Object* x, double (*fn)(double)) {
    if (is_int(x)) {
        if (int_compare(x, make_small_int(0)) <= 0) domain_error();
        Mpz m(x);
        size_t bits = mpz_sizeinbase(m.v, 2);
        if (bits <= 1000) return fn(int_to_double(x));
        // Too big for a double: x = q * 2**shift with q's top 64 bits (the lowest one sticky, so
        // the conversion to double rounds as CPython's _PyLong_Frexp does), then log(q) + shift*log(2).
        size_t shift = bits - 64;
        Mpz rest;
        mpz_tdiv_r_2exp(rest.v, m.v, shift);
        mpz_tdiv_q_2exp(m.v, m.v, shift);
        uint64_t top = 0;
        mpz_export(&top, nullptr, -1, sizeof top, 0, 0, m.v);
        if (mpz_sgn(rest.v) != 0) top |= 1;
        double mantissa = std::ldexp(static_cast<double>(top), -64);
        return fn(mantissa) + static_cast<double>(shift + 64) * fn(2.0);
    }
    double v = to_double(x);
    if (std::isnan(v)) return v;
    if (v <= 0) domain_error();
    return fn(v);
}

double ln(double x) { return std::log(x); }

Ref math_log(Object*, Args args, size_t nargs, Tuple* kw) {
    // math.log parses its own arguments, with words of its own (CPython's math_log).
    if (kw && kw->size) raise_no_kwargs("log");
    if (nargs < 1 || nargs > 2) raise(&TypeError_type, "math.log requires 1 to 2 arguments");
    double num = log_of(args[0], ln);
    if (nargs == 1) return float_new(num);
    double den = log_of(args[1], ln);
    if (den == 0) raise(&ZeroDivisionError_type, "float division by zero");
    return float_new(num / den);
}

Ref math_log2(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "log2", nargs, kw, 1, 1);
    return float_new(log_of(args[0], [](double v) { return std::log2(v); }));
}

Ref math_log10(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "log10", nargs, kw, 1, 1);
    return float_new(log_of(args[0], [](double v) { return std::log10(v); }));
}

// ---- two-argument float functions ----
Ref math_pow(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "pow", nargs, kw, 2, 2);
    double x = to_double(args[0]), y = to_double(args[1]);
    double r = std::pow(x, y);
    if (std::isfinite(x) && std::isfinite(y)) {
        if (std::isnan(r)) domain_error();
        if (std::isinf(r)) {
            if (x == 0) domain_error();
            range_error();
        }
    }
    return float_new(r);
}

Ref math_atan2(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "atan2", nargs, kw, 2, 2);
    double y = to_double(args[0]), x = to_double(args[1]);  // in order: the first one that fails is reported
    return float_new(std::atan2(y, x));
}

Ref math_copysign(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "copysign", nargs, kw, 2, 2);
    double x = to_double(args[0]), y = to_double(args[1]);
    return float_new(std::copysign(x, y));
}

Ref math_fmod(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "fmod", nargs, kw, 2, 2);
    double x = to_double(args[0]), y = to_double(args[1]);
    if (std::isinf(y) && std::isfinite(x)) return float_new(x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
    return float_new(r);
}

// IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even (exact, so the C
// library's remainder() is CPython's m_remainder). A nan argument gives nan; an infinite x or a zero
// y is a domain error; an infinite y gives x.
Ref math_remainder(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "remainder", nargs, kw, 2, 2);
    double x = to_double(args[0]), y = to_double(args[1]);
    if (std::isnan(x)) return float_new(x);
    if (std::isnan(y)) return float_new(y);
    if (std::isinf(x) || y == 0) domain_error();
    if (std::isinf(y)) return float_new(x);
    return float_new(std::remainder(x, y));
}

// The Euclidean norm, summed in long double so the result is correctly rounded in practice, as
// CPython's vector_norm is.
double vector_norm(const std::vector<double>& v) {
    double max = 0;
    for (double x : v) {
        if (std::isinf(x)) return INFINITY;
        max = std::isnan(x) || std::isnan(max) ? NAN : std::max(max, std::fabs(x));
    }
    if (max == 0 || std::isnan(max)) return max;
    long double sum = 0;
    for (double x : v) {
        long double scaled = static_cast<long double>(x) / max;
        sum += scaled * scaled;
    }
    return static_cast<double>(std::sqrt(sum) * max);
}

Ref math_hypot(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("math.hypot");
    std::vector<double> coords;
    for (size_t i = 0; i < nargs; ++i) coords.push_back(to_double(args[i]));
    return float_new(vector_norm(coords));
}

Ref math_ldexp(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "ldexp", nargs, kw, 2, 2);
    double x = to_double(args[0]);
    if (!is_int(args[1])) raise(&TypeError_type, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_to_i64(args[1], &e)) e = int_compare(args[1], make_small_int(0)) > 0 ? INT32_MAX : INT32_MIN;
    e = std::max<int64_t>(std::min<int64_t>(e, INT32_MAX), INT32_MIN);
    double r = std::ldexp(x, static_cast<int>(e));
    if (std::isinf(r) && std::isfinite(x)) range_error();
    return float_new(r);
}

Ref math_nextafter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "nextafter", nargs, kw, 2, 2);
    double x = to_double(args[0]), y = to_double(args[1]);
    return float_new(std::nextafter(x, y));
}

// The gap from |x| to the next float away from zero (or, for the largest float, the one below).
Ref math_ulp(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "ulp", nargs, kw, 1, 1);
    double x = std::fabs(to_double(args[0]));
    if (!std::isfinite(x)) return float_new(x);
    double up = std::nextafter(x, HUGE_VAL);
    if (std::isinf(up)) return float_new(x - std::nextafter(x, -HUGE_VAL));
    return float_new(up - x);
}

Ref math_frexp(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "frexp", nargs, kw, 1, 1);
    double x = to_double(args[0]);
    int e = 0;
    double m = std::isfinite(x) ? std::frexp(x, &e) : x;
    Object* items[2] = {float_new(m).release(), int_from_i64(e).release()};
    Ref result = tuple_from(items, 2);
    decref(items[0]);
    decref(items[1]);
    return result;
}

Ref math_modf(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "modf", nargs, kw, 1, 1);
    double x = to_double(args[0]), whole;
    double frac = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &whole);
    if (std::isinf(x)) whole = x;
    Object* items[2] = {float_new(frac).release(), float_new(whole).release()};
    Ref result = tuple_from(items, 2);
    decref(items[0]);
    decref(items[1]);
    return result;
}

Ref predicate(const char* name, Args args, size_t nargs, Tuple* kw, bool (*test)(double)) {
    check_clinic_positional("math", name, nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(test(to_double(args[0]))));
}

Ref math_isfinite(Object*, Args a, size_t n, Tuple* k) {
    return predicate("isfinite", a, n, k, [](double x) { return std::isfinite(x); });
}
Ref math_isinf(Object*, Args a, size_t n, Tuple* k) {
    return predicate("isinf", a, n, k, [](double x) { return std::isinf(x); });
}
Ref math_isnan(Object*, Args a, size_t n, Tuple* k) {
    return predicate("isnan", a, n, k, [](double x) { return std::isnan(x); });
}

Ref math_isclose(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Object* bound[4];
    bind_args("isclose", args, nargs, kw, names, 4, 2, bound);
    double a = to_double(bound[0]), b = to_double(bound[1]);
    double rel = bound[2] ? to_double(bound[2]) : 1e-9, abs_tol = bound[3] ? to_double(bound[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) raise(&ValueError_type, "tolerances must be non-negative");
    if (a == b) return Ref::borrow(True);
    if (std::isinf(a) || std::isinf(b)) return Ref::borrow(False);
    double diff = std::fabs(b - a);
    bool close = diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abs_tol;
    return Ref::borrow(bool_obj(close));
}

// ---- exact integer functions on GMP ----
// An int, or the int an object's __index__ gives (CPython's PyNumber_Index).
Ref expect_int(Object* o) {
    if (is_int(o)) return Ref::borrow(o);
    Ref index = index_value(o);
    if (!index) raise_not_an_integer(o);
    return index;
}

Ref math_factorial(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "factorial", nargs, kw, 1, 1);
    Ref index = expect_int(args[0]);
    Object* n = index.get();
    if (int_compare(n, make_small_int(0)) < 0)
        raise(&ValueError_type, "factorial() not defined for negative values");
    int64_t v;
    if (!int_to_i64(n, &v))
        raise(&OverflowError_type, "factorial() argument should not exceed 9223372036854775807");
    Mpz r;
    mpz_fac_ui(r.v, static_cast<unsigned long>(v));
    return int_from_mpz(r.v);
}

Ref fold_ints(Args args, size_t nargs, Tuple* kw, bool lcm) {
    if (kw && kw->size) raise_no_kwargs(lcm ? "math.lcm" : "math.gcd");
    Mpz acc;
    mpz_set_ui(acc.v, lcm ? 1 : 0);
    for (size_t i = 0; i < nargs; ++i) {
        Mpz x(expect_int(args[i]).get());
        if (lcm)
            mpz_lcm(acc.v, acc.v, x.v);
        else
            mpz_gcd(acc.v, acc.v, x.v);
    }
    return int_from_mpz(acc.v);
}

Ref math_gcd(Object*, Args args, size_t nargs, Tuple* kw) { return fold_ints(args, nargs, kw, false); }
Ref math_lcm(Object*, Args args, size_t nargs, Tuple* kw) { return fold_ints(args, nargs, kw, true); }

Ref math_isqrt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "isqrt", nargs, kw, 1, 1);
    Mpz n(expect_int(args[0]).get());
    if (mpz_sgn(n.v) < 0) raise(&ValueError_type, "isqrt() argument must be nonnegative");
    mpz_sqrt(n.v, n.v);
    return int_from_mpz(n.v);
}

// n and k for comb/perm: non-negative ints, k small enough to count with. comb counts with the
// smaller of k and n - k (comb(n, n) is 1 for any n), as CPython's.
void read_n_k(Object* n_obj, Object* k_obj, Mpz& n, unsigned long* k, bool* k_exceeds_n, bool symmetric) {
    int_to_mpz(expect_int(n_obj).get(), n.v);
    Mpz kz(expect_int(k_obj).get());
    if (mpz_sgn(n.v) < 0) raise(&ValueError_type, "n must be a non-negative integer");
    if (mpz_sgn(kz.v) < 0) raise(&ValueError_type, "k must be a non-negative integer");
    *k_exceeds_n = mpz_cmp(kz.v, n.v) > 0;
    if (*k_exceeds_n) {
        *k = 0;
        return;
    }
    if (symmetric) {
        Mpz rest;
        mpz_sub(rest.v, n.v, kz.v);
        if (mpz_cmp(rest.v, kz.v) < 0) mpz_set(kz.v, rest.v);
    }
    if (!mpz_fits_slong_p(kz.v))
        raise(&OverflowError_type, symmetric ? "min(n - k, k) must not exceed 9223372036854775807"
                                             : "k must not exceed 9223372036854775807");
    *k = mpz_get_ui(kz.v);
}

Ref math_comb(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "comb", nargs, kw, 2, 2);
    Mpz n;
    unsigned long k;
    bool too_big;
    read_n_k(args[0], args[1], n, &k, &too_big, true);
    if (too_big) return int_from_i64(0);
    mpz_bin_ui(n.v, n.v, k);
    return int_from_mpz(n.v);
}

Ref math_perm(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "perm", nargs, kw, 1, 2);
    if (nargs == 1 || args[1] == None) {
        Object* n = args[0];
        return math_factorial(nullptr, &n, 1, nullptr);
    }
    Mpz n, r;
    unsigned long k;
    bool too_big;
    read_n_k(args[0], args[1], n, &k, &too_big, false);
    if (too_big) return int_from_i64(0);
    mpz_set_ui(r.v, 1);
    for (unsigned long i = 0; i < k; ++i) {
        mpz_mul(r.v, r.v, n.v);
        mpz_sub_ui(n.v, n.v, 1);
    }
    return int_from_mpz(r.v);
}

// ---- sums and products ----
// Shewchuk's algorithm: `partials` holds non-overlapping floats whose exact sum is the running
// total; the last step rounds the sum of the partials correctly (half-even), as CPython's fsum.
Ref math_fsum(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "fsum", nargs, kw, 1, 1);
    std::vector<double> partials;
    double special = 0;
    bool saw_nan = false;
    for_each_item(args[0], [&](Object* item) {
        double x = to_double(item);
        if (!std::isfinite(x)) {
            saw_nan = saw_nan || std::isnan(x);
            special += x;
            return;
        }
        size_t used = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) partials[used++] = lo;
            x = hi;
        }
        if (!std::isfinite(x)) raise(&OverflowError_type, "intermediate overflow in fsum");
        partials.resize(used);
        partials.push_back(x);
    });
    if (special != 0 || std::isnan(special)) {
        if (std::isnan(special) && !saw_nan) raise(&ValueError_type, "-inf + inf in fsum");
        return float_new(special);
    }
    size_t n = partials.size();
    if (n == 0) return float_new(0.0);
    double hi = partials[--n], lo = 0;
    while (n > 0) {
        double x = hi, y = partials[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0) break;
    }
    // Round half-even when the remaining partials push the tie one way.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi) hi = x;
    }
    return float_new(hi);
}

Ref math_prod(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"iterable", "start"};
    Object* bound[2];
    if (nargs != 1 && nargs + (kw ? kw->size : 0) <= 2)
        raise(&TypeError_type, format("prod() takes exactly 1 positional argument (%zu given)", nargs));
    bind_args("prod", args, nargs, kw, names, 2, 1, bound);
    Ref acc = Ref::borrow(bound[1] ? bound[1] : make_small_int(1));
    for_each_item(bound[0], [&](Object* item) { acc = binary_op(acc.get(), item, BinaryOp::Mul); });
    return acc;
}

Ref math_dist(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("math", "dist", nargs, kw, 2, 2);
    Ref p = tuple_from_iterable(args[0]), q = tuple_from_iterable(args[1]);
    if (as_tuple(p.get())->size != as_tuple(q.get())->size)
        raise(&ValueError_type, "both points must have the same number of dimensions");
    std::vector<double> diffs;
    for (size_t i = 0; i < as_tuple(p.get())->size; ++i)
        diffs.push_back(to_double(as_tuple(p.get())->items[i]) - to_double(as_tuple(q.get())->items[i]));
    return float_new(vector_norm(diffs));
}

const MethodDef kMathFunctions[] = {
    {"sqrt", math_unary<unary_index("sqrt")>, "Return the square root of x."},
    {"cbrt", math_unary<unary_index("cbrt")>, "Return the cube root of x."},
    {"exp", math_unary<unary_index("exp")>, "Return e raised to the power of x."},
    {"exp2", math_unary<unary_index("exp2")>, "Return 2 raised to the power of x."},
    {"expm1", math_unary<unary_index("expm1")>, "Return exp(x)-1, accurate for small x."},
    {"log1p", math_unary<unary_index("log1p")>,
     "Return the natural logarithm of 1+x (base e), accurate for x near zero."},
    {"sin", math_unary<unary_index("sin")>, "Return the sine of x (measured in radians)."},
    {"cos", math_unary<unary_index("cos")>, "Return the cosine of x (measured in radians)."},
    {"tan", math_unary<unary_index("tan")>, "Return the tangent of x (measured in radians)."},
    {"asin", math_unary<unary_index("asin")>, "Return the arc sine (measured in radians) of x."},
    {"acos", math_unary<unary_index("acos")>, "Return the arc cosine (measured in radians) of x."},
    {"atan", math_unary<unary_index("atan")>, "Return the arc tangent (measured in radians) of x."},
    {"sinh", math_unary<unary_index("sinh")>, "Return the hyperbolic sine of x."},
    {"cosh", math_unary<unary_index("cosh")>, "Return the hyperbolic cosine of x."},
    {"tanh", math_unary<unary_index("tanh")>, "Return the hyperbolic tangent of x."},
    {"asinh", math_unary<unary_index("asinh")>, "Return the inverse hyperbolic sine of x."},
    {"acosh", math_unary<unary_index("acosh")>, "Return the inverse hyperbolic cosine of x."},
    {"atanh", math_unary<unary_index("atanh")>, "Return the inverse hyperbolic tangent of x."},
    {"fabs", math_unary<unary_index("fabs")>, "Return the absolute value of the float x."},
    {"erf", math_unary<unary_index("erf")>, "Error function at x."},
    {"erfc", math_unary<unary_index("erfc")>, "Complementary error function at x."},
    {"gamma", math_unary<unary_index("gamma")>, "Gamma function at x."},
    {"lgamma", math_unary<unary_index("lgamma")>,
     "Natural logarithm of absolute value of Gamma function at x."},
    {"degrees", math_unary<unary_index("degrees")>, "Convert angle x from radians to degrees."},
    {"radians", math_unary<unary_index("radians")>, "Convert angle x from degrees to radians."},
    {"floor", math_floor, "Return the floor of x as an Integral."},
    {"ceil", math_ceil, "Return the ceiling of x as an Integral."},
    {"trunc", math_trunc, "Truncates the Real x to the nearest Integral toward 0."},
    {"log", math_log, "log(x, [base=math.e]) Return the logarithm of x to the given base."},
    {"log2", math_log2, "Return the base 2 logarithm of x."},
    {"log10", math_log10, "Return the base 10 logarithm of x."},
    {"pow", math_pow, "Return x**y (x to the power of y)."},
    {"atan2", math_atan2, "Return the arc tangent (measured in radians) of y/x."},
    {"copysign", math_copysign, "Return a float with the magnitude of x but the sign of y."},
    {"fmod", math_fmod, "Return fmod(x, y), according to platform C."},
    {"remainder", math_remainder,
     "Difference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest "
     "integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the "
     "nearest even value of n is used. The result is always exact."},
    {"hypot", math_hypot, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", math_dist, "Return the Euclidean distance between two points p and q."},
    {"ldexp", math_ldexp, "Return x * (2**i)."},
    {"frexp", math_frexp, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"nextafter", math_nextafter, "Return the next floating-point value after x towards y."},
    {"ulp", math_ulp, "Return the value of the least significant bit of the float x."},
    {"modf", math_modf, "Return the fractional and integer parts of x."},
    {"isfinite", math_isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isclose", math_isclose, "Determine whether two floating point numbers are close in value."},
    {"factorial", math_factorial, "Find n!."},
    {"gcd", math_gcd, "Greatest Common Divisor."},
    {"lcm", math_lcm, "Least Common Multiple."},
    {"isqrt", math_isqrt, "Return the integer part of the square root of the input."},
    {"comb", math_comb,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"perm", math_perm, "Number of ways to choose k items from n items without repetition and with order."},
    {"fsum", math_fsum, "Return an accurate floating point sum of values in the iterable seq."},
    {"prod", math_prod, "Calculate the product of all the elements in the input iterable."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_math_module() {
    Ref module = native_module_new("math", kMathFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("pi"), float_new(M_PI).get());
    dict_set(d, intern("e"), float_new(M_E).get());
    dict_set(d, intern("tau"), float_new(2 * M_PI).get());
    dict_set(d, intern("inf"), float_new(INFINITY).get());
    dict_set(d, intern("nan"), float_new(NAN).get());
    return module;
}

}  // namespace minipy
