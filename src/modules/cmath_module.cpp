// cmath_module.cpp — the native `cmath` module: CPython 3.11's complex functions, computed with the
// same formulas (Kahan's branch cuts, rescaling near overflow and underflow) so results agree bit for
// bit, and C99 Annex G's values for infinite and nan inputs, with CPython's domain and range errors.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>
#include <string_view>
#include <utility>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

struct Cx {
    double re, im;
};

// What CPython's functions signal through errno: a ValueError ("math domain error") where Annex G
// raises divide-by-zero or invalid, an OverflowError ("math range error") where it raises overflow.
enum class Fault { kNone, kDomain, kRange };

struct Result {
    Cx z;
    Fault fault = Fault::kNone;
};

constexpr double kInf = HUGE_VAL;
constexpr double kNan = __builtin_nan("");
constexpr double kPi = M_PI, kPi2 = M_PI / 2, kPi4 = M_PI / 4, kPi34 = 0.75 * M_PI;

// Arguments beyond these bounds are rescaled (or approximated) so that no intermediate overflows.
const double kLarge = DBL_MAX / 4;
const double kSqrtLarge = std::sqrt(kLarge);
const double kLogLarge = std::log(kLarge);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
// Scaling a subnormal by 2**53 makes it normal; the square root of 2**54 is 2**27.
constexpr int kScaleUp = 53, kScaleDown = -27;

// ---- special values ----
// The seven classes of a double that Annex G's tables distinguish, in table order.
enum SpecialClass { kNegInf, kNegative, kNegZero, kPosZero, kPositive, kPosInf, kNotANumber };

SpecialClass special_class(double d) {
    if (std::isnan(d)) return kNotANumber;
    if (std::isinf(d)) return d > 0 ? kPosInf : kNegInf;
    if (d == 0) return std::signbit(d) ? kNegZero : kPosZero;
    return d > 0 ? kPositive : kNegative;
}

// A function's results for arguments with an infinite or nan part: row = class of the real part,
// column = class of the imaginary part. The values are CPython 3.11's, read off /usr/bin/python3.
using SpecialTable = Cx[7][7];
// Entries never read: both parts finite (the formulas compute those), or an infinite real part with a
// finite non-zero imaginary one (computed from cos and sin for the signs).
constexpr Cx kNo = {kNan, kNan};
// Entries whose result is discarded because the call raises ValueError.
constexpr Cx kErr = {kNan, kNan};

constexpr SpecialTable kAcosSpecial = {
    {{kPi34, kInf}, {kPi, kInf}, {kPi, kInf}, {kPi, -kInf}, {kPi, -kInf}, {kPi34, -kInf}, {kNan, kInf}},
    {{kPi2, kInf}, kNo, kNo, kNo, kNo, {kPi2, -kInf}, {kNan, kNan}},
    {{kPi2, kInf}, kNo, kNo, kNo, kNo, {kPi2, -kInf}, {kPi2, kNan}},
    {{kPi2, kInf}, kNo, kNo, kNo, kNo, {kPi2, -kInf}, {kPi2, kNan}},
    {{kPi2, kInf}, kNo, kNo, kNo, kNo, {kPi2, -kInf}, {kNan, kNan}},
    {{kPi4, kInf}, {0.0, kInf}, {0.0, kInf}, {0.0, -kInf}, {0.0, -kInf}, {kPi4, -kInf}, {kNan, kInf}},
    {{kNan, kInf}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, -kInf}, {kNan, kNan}},
};
constexpr SpecialTable kAcoshSpecial = {
    {{kInf, -kPi34}, {kInf, -kPi}, {kInf, -kPi}, {kInf, kPi}, {kInf, kPi}, {kInf, kPi34}, {kInf, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi4}, {kInf, -0.0}, {kInf, -0.0}, {kInf, 0.0}, {kInf, 0.0}, {kInf, kPi4}, {kInf, kNan}},
    {{kInf, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kInf, kNan}, {kNan, kNan}},
};
constexpr SpecialTable kAsinhSpecial = {
    {{-kInf, -kPi4}, {-kInf, -0.0}, {-kInf, -0.0}, {-kInf, 0.0}, {-kInf, 0.0}, {-kInf, kPi4}, {-kInf, kNan}},
    {{-kInf, -kPi2}, kNo, kNo, kNo, kNo, {-kInf, kPi2}, {kNan, kNan}},
    {{-kInf, -kPi2}, kNo, kNo, kNo, kNo, {-kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi2}, kNo, kNo, kNo, kNo, {kInf, kPi2}, {kNan, kNan}},
    {{kInf, -kPi4}, {kInf, -0.0}, {kInf, -0.0}, {kInf, 0.0}, {kInf, 0.0}, {kInf, kPi4}, {kInf, kNan}},
    {{kInf, kNan}, {kNan, kNan}, {kNan, -0.0}, {kNan, 0.0}, {kNan, kNan}, {kInf, kNan}, {kNan, kNan}},
};
constexpr SpecialTable kAtanhSpecial = {
    {{-0.0, -kPi2}, {-0.0, -kPi2}, {-0.0, -kPi2}, {-0.0, kPi2}, {-0.0, kPi2}, {-0.0, kPi2}, {-0.0, kNan}},
    {{-0.0, -kPi2}, kNo, kNo, kNo, kNo, {-0.0, kPi2}, {kNan, kNan}},
    {{-0.0, -kPi2}, kNo, kNo, kNo, kNo, {-0.0, kPi2}, {-0.0, kNan}},
    {{0.0, -kPi2}, kNo, kNo, kNo, kNo, {0.0, kPi2}, {0.0, kNan}},
    {{0.0, -kPi2}, kNo, kNo, kNo, kNo, {0.0, kPi2}, {kNan, kNan}},
    {{0.0, -kPi2}, {0.0, -kPi2}, {0.0, -kPi2}, {0.0, kPi2}, {0.0, kPi2}, {0.0, kPi2}, {0.0, kNan}},
    {{0.0, -kPi2}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {0.0, kPi2}, {kNan, kNan}},
};
// For large |z|, acosh(z) is log(2z), and the 2 vanishes beside an infinite part: where the
// tables are read (an infinite or nan part), log's results are acosh's.
constexpr const SpecialTable& kLogSpecial = kAcoshSpecial;
constexpr SpecialTable kSqrtSpecial = {
    {{kInf, -kInf}, {0.0, -kInf}, {0.0, -kInf}, {0.0, kInf}, {0.0, kInf}, {kInf, kInf}, {kNan, kInf}},
    {{kInf, -kInf}, kNo, kNo, kNo, kNo, {kInf, kInf}, {kNan, kNan}},
    {{kInf, -kInf}, kNo, kNo, kNo, kNo, {kInf, kInf}, {kNan, kNan}},
    {{kInf, -kInf}, kNo, kNo, kNo, kNo, {kInf, kInf}, {kNan, kNan}},
    {{kInf, -kInf}, kNo, kNo, kNo, kNo, {kInf, kInf}, {kNan, kNan}},
    {{kInf, -kInf}, {kInf, -0.0}, {kInf, -0.0}, {kInf, 0.0}, {kInf, 0.0}, {kInf, kInf}, {kInf, kNan}},
    {{kInf, -kInf}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}, {kInf, kInf}, {kNan, kNan}},
};
constexpr SpecialTable kExpSpecial = {
    {{0.0, 0.0}, kNo, {0.0, -0.0}, {0.0, 0.0}, kNo, {0.0, 0.0}, {0.0, 0.0}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, {kInf, -0.0}, {kInf, 0.0}, kNo, kErr, {kInf, kNan}},
    {{kNan, kNan}, {kNan, kNan}, {kNan, -0.0}, {kNan, 0.0}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}},
};
constexpr SpecialTable kCoshSpecial = {
    {kErr, kNo, {kInf, 0.0}, {kInf, -0.0}, kNo, kErr, {kInf, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, 0.0}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, 0.0}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, {kInf, -0.0}, {kInf, 0.0}, kNo, kErr, {kInf, kNan}},
    {{kNan, kNan}, {kNan, kNan}, {kNan, 0.0}, {kNan, 0.0}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}},
};
constexpr SpecialTable kSinhSpecial = {
    {kErr, kNo, {-kInf, -0.0}, {-kInf, 0.0}, kNo, kErr, {kInf, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {0.0, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {0.0, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, {kInf, -0.0}, {kInf, 0.0}, kNo, kErr, {kInf, kNan}},
    {{kNan, kNan}, {kNan, kNan}, {kNan, -0.0}, {kNan, 0.0}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}},
};
constexpr SpecialTable kTanhSpecial = {
    {{-1.0, 0.0}, kNo, {-1.0, -0.0}, {-1.0, 0.0}, kNo, {-1.0, 0.0}, {-1.0, 0.0}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {{1.0, 0.0}, kNo, {1.0, -0.0}, {1.0, 0.0}, kNo, {1.0, 0.0}, {1.0, 0.0}},
    {{kNan, kNan}, {kNan, kNan}, {kNan, -0.0}, {kNan, 0.0}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}},
};
// rect(r, phi): the row is r's class, the column phi's.
constexpr SpecialTable kRectSpecial = {
    {kErr, kNo, {-kInf, 0.0}, {-kInf, -0.0}, kNo, kErr, {kInf, kNan}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {{0.0, 0.0}, kNo, kNo, kNo, kNo, {0.0, 0.0}, {0.0, 0.0}},
    {{0.0, 0.0}, kNo, kNo, kNo, kNo, {0.0, 0.0}, {0.0, 0.0}},
    {kErr, kNo, kNo, kNo, kNo, kErr, {kNan, kNan}},
    {kErr, kNo, {kInf, -0.0}, {kInf, 0.0}, kNo, kErr, {kInf, kNan}},
    {{kNan, kNan}, {kNan, kNan}, {kNan, 0.0}, {kNan, 0.0}, {kNan, kNan}, {kNan, kNan}, {kNan, kNan}},
};

bool is_special(Cx z) { return !std::isfinite(z.re) || !std::isfinite(z.im); }
Cx lookup(const SpecialTable& table, Cx z) { return table[special_class(z.re)][special_class(z.im)]; }

// ---- the functions ----
// Several are another one turned a quarter: asin(z) = -i asinh(iz), and so for atan, sin and tan;
// cos(z) = cosh(iz).
Cx times_i(Cx z) { return {-z.im, z.re}; }
Result times_minus_i(Result r) { return {{r.z.im, -r.z.re}, r.fault}; }

// The principal square root, from s = sqrt((|x| + |z|) / 2) and d = |y| / (2s): (s, ±d) for x >= 0,
// (d, ±s) otherwise. Scaling by 1/8 keeps |x| + |z| finite; subnormal inputs are scaled up so that
// hypot keeps its precision.
Cx c_sqrt(Cx z) {
    if (is_special(z)) return lookup(kSqrtSpecial, z);
    if (z.re == 0 && z.im == 0) return {0.0, z.im};
    double ax = std::fabs(z.re), ay = std::fabs(z.im), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = std::ldexp(ax, kScaleUp);
        s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
    } else {
        ax /= 8;
        s = 2 * std::sqrt(ax + std::hypot(ax, ay / 8));
    }
    double d = ay / (2 * s);
    if (z.re >= 0) return {s, std::copysign(d, z.im)};
    return {d, std::copysign(s, z.im)};
}

// log(|z|/2) + 2 log 2, which is log|z| without |z| overflowing.
double log_abs_large(Cx z) { return std::log(std::hypot(z.re / 2, z.im / 2)) + 2 * M_LN2; }

Result c_acos(Cx z) {
    if (is_special(z)) return {lookup(kAcosSpecial, z)};
    if (std::fabs(z.re) > kLarge || std::fabs(z.im) > kLarge)
        return {{std::atan2(std::fabs(z.im), z.re), -std::copysign(log_abs_large(z), z.im)}};
    Cx s1 = c_sqrt({1 - z.re, -z.im}), s2 = c_sqrt({1 + z.re, z.im});
    return {{2 * std::atan2(s1.re, s2.re), std::asinh(s2.re * s1.im - s2.im * s1.re)}};
}

Result c_acosh(Cx z) {
    if (is_special(z)) return {lookup(kAcoshSpecial, z)};
    if (std::fabs(z.re) > kLarge || std::fabs(z.im) > kLarge)
        return {{log_abs_large(z), std::atan2(z.im, z.re)}};
    Cx s1 = c_sqrt({z.re - 1, z.im}), s2 = c_sqrt({z.re + 1, z.im});
    return {{std::asinh(s1.re * s2.re + s1.im * s2.im), 2 * std::atan2(s1.im, s2.re)}};
}

Result c_asinh(Cx z) {
    if (is_special(z)) return {lookup(kAsinhSpecial, z)};
    if (std::fabs(z.re) > kLarge || std::fabs(z.im) > kLarge)
        return {{std::copysign(log_abs_large(z), z.re), std::atan2(z.im, std::fabs(z.re))}};
    Cx s1 = c_sqrt({1 + z.im, -z.re}), s2 = c_sqrt({1 - z.im, z.re});
    return {{std::asinh(s1.re * s2.im - s2.re * s1.im), std::atan2(z.im, s1.re * s2.re - s1.im * s2.im)}};
}

Result c_asin(Cx z) { return times_minus_i(c_asinh(times_i(z))); }

Result c_atanh(Cx z) {
    if (is_special(z)) return {lookup(kAtanhSpecial, z)};
    // atanh is odd: work with a non-negative real part.
    if (z.re < 0) {
        Result r = c_atanh({-z.re, -z.im});
        return {{-r.z.re, -r.z.im}, r.fault};
    }
    double ay = std::fabs(z.im);
    if (z.re > kSqrtLarge || ay > kSqrtLarge) {
        // For large |z|, atanh(z) is close to 1/z ± i pi/2.
        double h = std::hypot(z.re / 2, z.im / 2);
        return {{z.re / 4 / h / h, std::copysign(kPi2, z.im)}};
    }
    if (z.re == 1 && ay < kSqrtDblMin) {
        // atanh(1 ± 0i) is the pole, inf ± 0i; next to it the general formula would lose everything.
        if (ay == 0) return {{kInf, z.im}, Fault::kDomain};
        return {{-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
                 std::copysign(std::atan2(2.0, -ay) / 2, z.im)}};
    }
    double one_minus = 1 - z.re;
    return {{std::log1p(4 * z.re / (one_minus * one_minus + ay * ay)) / 4,
             -std::atan2(-2 * z.im, one_minus * (1 + z.re) - ay * ay) / 2}};
}

Result c_atan(Cx z) { return times_minus_i(c_atanh(times_i(z))); }

// For an infinite real part and a finite non-zero imaginary one, the result's parts are infinite (or
// zero) with the signs of cos(y) and sin(y): exp, cosh, sinh and rect compute those signs.
Cx signed_by_cos_sin(double magnitude, double y) {
    return {std::copysign(magnitude, std::cos(y)), std::copysign(magnitude, std::sin(y))};
}
bool infinite_real_finite_imag(Cx z) { return std::isinf(z.re) && std::isfinite(z.im) && z.im != 0; }
Fault overflow_check(Cx r) { return std::isinf(r.re) || std::isinf(r.im) ? Fault::kRange : Fault::kNone; }

Result c_exp(Cx z) {
    if (is_special(z)) {
        Cx r = infinite_real_finite_imag(z) ? signed_by_cos_sin(z.re > 0 ? kInf : 0.0, z.im)
                                            : lookup(kExpSpecial, z);
        // An infinite angle is invalid unless the magnitude is nan or zero (real part -inf).
        bool invalid = std::isinf(z.im) && (std::isfinite(z.re) || z.re == kInf);
        return {r, invalid ? Fault::kDomain : Fault::kNone};
    }
    Cx r;
    if (z.re > kLogLarge) {
        // exp(x) alone would overflow where exp(x) * cos(y) does not.
        double l = std::exp(z.re - 1);
        r = {l * std::cos(z.im) * M_E, l * std::sin(z.im) * M_E};
    } else {
        double l = std::exp(z.re);
        r = {l * std::cos(z.im), l * std::sin(z.im)};
    }
    return {r, overflow_check(r)};
}

// cosh(x+iy) = cosh(x) cos(y) + i sinh(x) sin(y), and sinh(x+iy) = sinh(x) cos(y) + i cosh(x) sin(y):
// one computation with cosh(x) and sinh(x) trading places (`odd` picks sinh). For an infinite x, x's
// sign falls on the imaginary part of cosh (an even function) and on the real part of sinh.
Result cosh_or_sinh(Cx z, bool odd) {
    if (is_special(z)) {
        Cx r = lookup(odd ? kSinhSpecial : kCoshSpecial, z);
        if (infinite_real_finite_imag(z)) {
            r = signed_by_cos_sin(kInf, z.im);
            double& signed_part = odd ? r.re : r.im;
            if (z.re < 0) signed_part = -signed_part;
        }
        return {r, std::isinf(z.im) && !std::isnan(z.re) ? Fault::kDomain : Fault::kNone};
    }
    // cosh(x) and sinh(x) may overflow where the result does not: then take them at x - 1 (toward
    // zero) and multiply by e, roughly their ratio for large |x|. Multiplying by 1 changes nothing.
    double x = z.re, scale = 1;
    if (std::fabs(z.re) > kLogLarge) {
        x = z.re - std::copysign(1.0, z.re);
        scale = M_E;
    }
    double re_factor = std::cosh(x), im_factor = std::sinh(x);
    if (odd) std::swap(re_factor, im_factor);
    Cx r = {std::cos(z.im) * re_factor * scale, std::sin(z.im) * im_factor * scale};
    return {r, overflow_check(r)};
}

Result c_cosh(Cx z) { return cosh_or_sinh(z, false); }
Result c_sinh(Cx z) { return cosh_or_sinh(z, true); }

Result c_cos(Cx z) { return c_cosh(times_i(z)); }

Result c_sin(Cx z) { return times_minus_i(c_sinh(times_i(z))); }

// tanh(x+iy) = (tanh(x)(1 + tan(y)^2) + i tan(y)(1 - tanh(x)^2)) / (1 + tan(y)^2 tanh(x)^2), with
// 1 - tanh(x)^2 taken as 1/cosh(x)^2 for accuracy; for large |x| the imaginary part is
// 4 sin(y) cos(y) exp(-2|x|), and cosh(x) would overflow.
Result c_tanh(Cx z) {
    if (is_special(z)) {
        Cx r = lookup(kTanhSpecial, z);
        if (infinite_real_finite_imag(z))
            r = {z.re > 0 ? 1.0 : -1.0, std::copysign(0.0, 2 * std::sin(z.im) * std::cos(z.im))};
        return {r, std::isinf(z.im) && std::isfinite(z.re) ? Fault::kDomain : Fault::kNone};
    }
    if (std::fabs(z.re) > kLogLarge)
        return {
            {std::copysign(1.0, z.re), 4 * std::sin(z.im) * std::cos(z.im) * std::exp(-2 * std::fabs(z.re))}};
    double tx = std::tanh(z.re), ty = std::tan(z.im), cx = 1 / std::cosh(z.re);
    double txty = tx * ty, denom = 1 + txty * txty;
    return {{tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx}};
}

Result c_tan(Cx z) { return times_minus_i(c_tanh(times_i(z))); }

// The natural logarithm. Its real part log|z| is computed with care where |z| would overflow, be
// subnormal, or be near 1 (where log1p of |z|^2 - 1, formed without cancellation, is exact-er).
// log(0) is a domain error with result -inf.
Result c_log(Cx z) {
    if (is_special(z)) return {lookup(kLogSpecial, z)};
    double ax = std::fabs(z.re), ay = std::fabs(z.im), re;
    if (ax > kLarge || ay > kLarge) {
        re = std::log(std::hypot(ax / 2, ay / 2)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax == 0 && ay == 0) return {{-kInf, std::atan2(z.im, z.re)}, Fault::kDomain};
        re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
             DBL_MANT_DIG * M_LN2;
    } else {
        double h = std::hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double big = std::max(ax, ay), small = std::min(ax, ay);
            re = std::log1p((big - 1) * (big + 1) + small * small) / 2;
        } else {
            re = std::log(h);
        }
    }
    return {{re, std::atan2(z.im, z.re)}};
}

Result c_log10(Cx z) {
    Result r = c_log(z);
    return {{r.z.re / M_LN10, r.z.im / M_LN10}, r.fault};
}

// a / b by Smith's method, as complex division (CPython's _Py_c_quot); dividing by zero is a domain
// error here, with result 0.
Result quotient(Cx a, Cx b) {
    double abs_re = std::fabs(b.re), abs_im = std::fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0) return {{0.0, 0.0}, Fault::kDomain};
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return {{(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom}};
    }
    if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return {{(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom}};
    }
    return {{kNan, kNan}};  // a part of b is nan
}

// |z| as CPython's _Py_c_abs: an infinite part makes it infinite even beside a nan; overflow of a
// finite z is a range error.
Result c_abs(Cx z) {
    if (std::isinf(z.re)) return {{std::fabs(z.re), 0}};
    if (std::isinf(z.im)) return {{std::fabs(z.im), 0}};
    if (std::isnan(z.re) || std::isnan(z.im)) return {{kNan, 0}};
    double h = std::hypot(z.re, z.im);
    return {{h, 0}, std::isinf(h) ? Fault::kRange : Fault::kNone};
}

// ---- the Python-facing layer ----
[[noreturn]] void raise_fault(Fault f) {
    if (f == Fault::kDomain) raise(&ValueError_type, "math domain error");
    raise(&OverflowError_type, "math range error");
}

Cx to_cx(Object* o) {
    Cx z;
    complex_as_parts(o, &z.re, &z.im);
    return z;
}

// The single positional argument of cmath.<name>, as a complex.
Cx one_argument(const char* name, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("cmath", name, nargs, kw, 1, 1);
    return to_cx(args[0]);
}

Ref finish(Result r) {
    if (r.fault != Fault::kNone) raise_fault(r.fault);
    return complex_new(r.z.re, r.z.im);
}

struct UnaryFn {
    const char* name;
    Result (*fn)(Cx);
};

constexpr UnaryFn kUnary[] = {
    {"sqrt", [](Cx z) { return Result{c_sqrt(z)}; }},
    {"exp", c_exp},
    {"log10", c_log10},
    {"acos", c_acos},
    {"asin", c_asin},
    {"atan", c_atan},
    {"cos", c_cos},
    {"sin", c_sin},
    {"tan", c_tan},
    {"acosh", c_acosh},
    {"asinh", c_asinh},
    {"atanh", c_atanh},
    {"cosh", c_cosh},
    {"sinh", c_sinh},
    {"tanh", c_tanh},
};

constexpr size_t unary_index(std::string_view name) {
    for (size_t i = 0; i < std::size(kUnary); ++i)
        if (name == kUnary[i].name) return i;
    return std::size(kUnary);
}

// kUnary[I] as a native function (one instance per entry, as math's one-argument functions).
template <size_t I>
Ref cmath_unary(Object*, Args args, size_t nargs, Tuple* kw) {
    static_assert(I < std::size(kUnary), "no such cmath function");
    return finish(kUnary[I].fn(one_argument(kUnary[I].name, args, nargs, kw)));
}

// log(z[, base]). CPython signals a fault through errno, which each logarithm resets: the base's
// logarithm hides a fault of z's, so log(0, 2) is -inf+nanj, not an error (log(0, 0) and
// log(2, 1) are).
Ref cmath_log(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("cmath.log");
    if (nargs < 1 || nargs > 2) raise_arg_count("log", 1, 2, nargs);
    Cx x = to_cx(args[0]);
    Result r = c_log(x);
    if (nargs == 2) {
        Cx base = to_cx(args[1]);
        Result log_base = c_log(base);
        r = log_base.fault != Fault::kNone ? Result{r.z, log_base.fault} : quotient(r.z, log_base.z);
    }
    return finish(r);
}

// CPython's phase passes on the errno of the C library's atan2, and glibc's reports ERANGE when a
// non-zero angle underflows to zero: phase(2+5e-324j) is an OverflowError there.
Ref cmath_phase(Object*, Args args, size_t nargs, Tuple* kw) {
    Cx z = one_argument("phase", args, nargs, kw);
    double phi = std::atan2(z.im, z.re);
    if (phi == 0 && z.im != 0 && std::isfinite(z.re)) raise_fault(Fault::kRange);
    return float_new(phi);
}

Ref cmath_polar(Object*, Args args, size_t nargs, Tuple* kw) {
    Cx z = one_argument("polar", args, nargs, kw);
    double phi = std::atan2(z.im, z.re);
    Result r = c_abs(z);
    if (r.fault != Fault::kNone) raise_fault(r.fault);
    Object* items[2] = {float_new(r.z.re).release(), float_new(phi).release()};
    Ref result = tuple_from(items, 2);
    decref(items[0]);
    decref(items[1]);
    return result;
}

// rect(r, phi) = r * (cos(phi) + i sin(phi)); for special values it follows exp(log(r) + i phi),
// negated for a negative r.
Result c_rect(double r, double phi) {
    if (!std::isfinite(r) || !std::isfinite(phi)) {
        Cx z = lookup(kRectSpecial, {r, phi});
        if (std::isinf(r) && std::isfinite(phi) && phi != 0) {
            z = signed_by_cos_sin(kInf, phi);
            if (r < 0) z = {-z.re, -z.im};
        }
        bool invalid = r != 0 && !std::isnan(r) && std::isinf(phi);
        return {z, invalid ? Fault::kDomain : Fault::kNone};
    }
    // A zero angle keeps its sign in the imaginary part (and sidesteps libm's sin(-0.0) on old macOS,
    // CPython's bpo-18513).
    if (phi == 0) return {{r, r * phi}};
    return {{r * std::cos(phi), r * std::sin(phi)}};
}

Ref cmath_rect(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("cmath", "rect", nargs, kw, 2, 2);
    double r = to_double(args[0]);
    double phi = to_double(args[1]);
    return finish(c_rect(r, phi));
}

Ref cmath_isfinite(Object*, Args args, size_t nargs, Tuple* kw) {
    Cx z = one_argument("isfinite", args, nargs, kw);
    return Ref::borrow(bool_obj(std::isfinite(z.re) && std::isfinite(z.im)));
}
Ref cmath_isinf(Object*, Args args, size_t nargs, Tuple* kw) {
    Cx z = one_argument("isinf", args, nargs, kw);
    return Ref::borrow(bool_obj(std::isinf(z.re) || std::isinf(z.im)));
}
Ref cmath_isnan(Object*, Args args, size_t nargs, Tuple* kw) {
    Cx z = one_argument("isnan", args, nargs, kw);
    return Ref::borrow(bool_obj(std::isnan(z.re) || std::isnan(z.im)));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): |a - b| within rel_tol of the larger of |a|, |b|, or
// within abs_tol; infinities are close only to themselves, nan to nothing.
Ref cmath_isclose(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"a", "b", "rel_tol", "abs_tol"};
    if (nargs > 2)
        raise(&TypeError_type, format("isclose() takes exactly 2 positional arguments (%zu given)", nargs));
    Object* bound[4];
    bind_args("isclose", args, nargs, kw, names, 4, 2, bound);
    Cx a = to_cx(bound[0]), b = to_cx(bound[1]);
    double rel_tol = bound[2] ? to_double(bound[2]) : 1e-9;
    double abs_tol = bound[3] ? to_double(bound[3]) : 0.0;
    if (rel_tol < 0 || abs_tol < 0) raise(&ValueError_type, "tolerances must be non-negative");
    if (a.re == b.re && a.im == b.im) return Ref::borrow(True);
    if (std::isinf(a.re) || std::isinf(a.im) || std::isinf(b.re) || std::isinf(b.im))
        return Ref::borrow(False);
    double diff = c_abs({a.re - b.re, a.im - b.im}).z.re;
    bool close = diff <= rel_tol * c_abs(b).z.re || diff <= rel_tol * c_abs(a).z.re || diff <= abs_tol;
    return Ref::borrow(bool_obj(close));
}

const MethodDef kCmathFunctions[] = {
    {"acos", cmath_unary<unary_index("acos")>, "Return the arc cosine of z."},
    {"acosh", cmath_unary<unary_index("acosh")>, "Return the inverse hyperbolic cosine of z."},
    {"asin", cmath_unary<unary_index("asin")>, "Return the arc sine of z."},
    {"asinh", cmath_unary<unary_index("asinh")>, "Return the inverse hyperbolic sine of z."},
    {"atan", cmath_unary<unary_index("atan")>, "Return the arc tangent of z."},
    {"atanh", cmath_unary<unary_index("atanh")>, "Return the inverse hyperbolic tangent of z."},
    {"cos", cmath_unary<unary_index("cos")>, "Return the cosine of z."},
    {"cosh", cmath_unary<unary_index("cosh")>, "Return the hyperbolic cosine of z."},
    {"exp", cmath_unary<unary_index("exp")>, "Return the exponential value e**z."},
    {"isclose", cmath_isclose,
     "Determine whether two complex numbers are close in value.\n\n"
     "  rel_tol\n"
     "    maximum difference for being considered \"close\", relative to the\n"
     "    magnitude of the input values\n"
     "  abs_tol\n"
     "    maximum difference for being considered \"close\", regardless of the\n"
     "    magnitude of the input values\n\n"
     "Return True if a is close in value to b, and False otherwise.\n\n"
     "For the values to be considered close, the difference between them must be\n"
     "smaller than at least one of the tolerances.\n\n"
     "-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\n"
     "not close to anything, even itself. inf and -inf are only close to themselves."},
    {"isfinite", cmath_isfinite,
     "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", cmath_isinf, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", cmath_isnan, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", cmath_log,
     "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the "
     "natural logarithm (base e) of z."},
    {"log10", cmath_unary<unary_index("log10")>, "Return the base-10 logarithm of z."},
    {"phase", cmath_phase, "Return argument, also known as the phase angle, of a complex."},
    {"polar", cmath_polar,
     "Convert a complex from rectangular coordinates to polar coordinates.\n\n"
     "r is the distance from 0 and phi the phase angle."},
    {"rect", cmath_rect, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", cmath_unary<unary_index("sin")>, "Return the sine of z."},
    {"sinh", cmath_unary<unary_index("sinh")>, "Return the hyperbolic sine of z."},
    {"sqrt", cmath_unary<unary_index("sqrt")>, "Return the square root of z."},
    {"tan", cmath_unary<unary_index("tan")>, "Return the tangent of z."},
    {"tanh", cmath_unary<unary_index("tanh")>, "Return the hyperbolic tangent of z."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_cmath_module() {
    Ref module = native_module_new("cmath", kCmathFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("__doc__"),
             str_new("This module provides access to mathematical functions for complex\nnumbers.").get());
    dict_set(d, intern("pi"), float_new(M_PI).get());
    dict_set(d, intern("e"), float_new(M_E).get());
    dict_set(d, intern("tau"), float_new(2 * M_PI).get());
    dict_set(d, intern("inf"), float_new(kInf).get());
    dict_set(d, intern("infj"), complex_new(0.0, kInf).get());
    dict_set(d, intern("nan"), float_new(kNan).get());
    dict_set(d, intern("nanj"), complex_new(0.0, kNan).get());
    return module;
}

}  // namespace minipy
