// complex.cpp — complex numbers as CPython's complexobject.c: arithmetic with int and float operands,
// CPython's repr ("(1+2j)", "2j", "(-0-1j)"), its hash (real + 1000003 * imag), real/imag/conjugate().
#include "objects/complex.h"

#include <cmath>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/gc.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type complex_type;

namespace {

using Args = Object* const*;

Complex* as_complex(Object* o) { return static_cast<Complex*>(o); }

// An operand as (re, im), or false for a type complex arithmetic does not take.
bool parts(Object* o, double* re, double* im) {
    if (is_instance(o, &complex_type)) {
        *re = as_complex(o)->real;
        *im = as_complex(o)->imag;
        return true;
    }
    if (is_instance(o, &float_type) || is_int(o)) {
        *re = to_double(o);
        *im = 0.0;
        return true;
    }
    return false;
}

Ref complex_make(Type* t, double re, double im) {
    auto* c = new_object_of<Complex>(t);
    c->real = re;
    c->imag = im;
    return Ref::steal(c);
}

// CPython's complex_repr: a part that is integral is written without ".0", the real part is left
// out when it is +0, and the whole is parenthesised when it is there.
Ref complex_repr(Object* o) {
    double re = as_complex(o)->real, im = as_complex(o)->imag;
    auto part = [](double v) {
        std::string s = float_repr(v);
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        return s;
    };
    std::string ims = part(im);
    if (re == 0.0 && !std::signbit(re)) return str_new(ims + "j");
    std::string sign = (im >= 0 || std::isnan(im)) && ims[0] != '-' ? "+" : "";
    std::string text = "(";  // built in steps: GCC 12 warns (-Wrestrict, wrongly) on "(" + string
    text += part(re);
    text += sign;
    text += ims;
    text += "j)";
    return str_new(text);
}

// A NaN part hashes by the complex object's identity, as CPython 3.11's.
int64_t complex_hash(Object* o) {
    auto part = [o](double v) {
        return static_cast<uint64_t>(std::isnan(v) ? identity_hash(o) : float_hash(v));
    };
    uint64_t h = part(as_complex(o)->real) + 1000003ULL * part(as_complex(o)->imag);
    auto r = static_cast<int64_t>(h);
    return r == -1 ? -2 : r;
}

// A power whose result is infinite overflowed (CPython's _Py_ADJUST_ERANGE2 check in complex_pow).
Ref pow_result(double re, double im) {
    if (std::isinf(re) || std::isinf(im)) raise(&OverflowError_type, "complex exponentiation");
    return complex_new(re, im);
}

template <BinaryOp Op>
Ref complex_binary(Object* a, Object* b) {
    double ar, ai, br, bi;
    if (!parts(a, &ar, &ai) || !parts(b, &br, &bi)) return Ref::borrow(NotImplemented);
    switch (Op) {
        case BinaryOp::Add:
            return complex_new(ar + br, ai + bi);
        case BinaryOp::Sub:
            return complex_new(ar - br, ai - bi);
        case BinaryOp::Mul:
            return complex_new(ar * br - ai * bi, ar * bi + ai * br);
        case BinaryOp::TrueDiv: {
            if (br == 0.0 && bi == 0.0) raise(&ZeroDivisionError_type, "complex division by zero");
            // Smith's algorithm, as CPython's _Py_c_quot.
            if (std::fabs(br) >= std::fabs(bi)) {
                double ratio = bi / br, denom = br + bi * ratio;
                return complex_new((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
            }
            double ratio = br / bi, denom = br * ratio + bi;
            return complex_new((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
        }
        case BinaryOp::Pow: {
            if (br == 0.0 && bi == 0.0) return complex_new(1.0, 0.0);
            // Small integral exponents by repeated squaring, as CPython's c_powi (exact for (2j)**2).
            if (bi == 0.0 && br == std::floor(br) && std::fabs(br) <= 100.0) {
                auto n = static_cast<long>(std::fabs(br));
                double rr = 1.0, ri = 0.0, xr = ar, xi = ai;
                for (long mask = 1; mask > 0 && mask <= n; mask <<= 1) {
                    if (n & mask) {
                        double t = rr * xr - ri * xi;
                        ri = rr * xi + ri * xr;
                        rr = t;
                    }
                    double t = xr * xr - xi * xi;
                    xi = 2 * xr * xi;
                    xr = t;
                }
                if (br < 0)
                    return complex_binary<BinaryOp::TrueDiv>(complex_new(1.0, 0.0).get(),
                                                             complex_new(rr, ri).get());
                return pow_result(rr, ri);
            }
            if (ar == 0.0 && ai == 0.0) {
                if (bi != 0.0 || br < 0.0)
                    raise(&ZeroDivisionError_type, "0.0 to a negative or complex power");
                return complex_new(0.0, 0.0);
            }
            double vabs = std::hypot(ar, ai), len = std::pow(vabs, br), at = std::atan2(ai, ar),
                   phase = at * br;
            if (bi != 0.0) {
                len /= std::exp(at * bi);
                phase += bi * std::log(vabs);
            }
            return pow_result(len * std::cos(phase), len * std::sin(phase));
        }
        default:
            return Ref::borrow(NotImplemented);
    }
}

// Only == and !=; an int is compared exactly (1+0j != 2**53 + 1), as CPython's complex_richcompare.
Ref complex_compare(Object* a, Object* b, CompareOp op) {
    double ar, ai, br, bi;
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !parts(a, &ar, &ai))
        return Ref::borrow(NotImplemented);
    bool eq;
    if (is_int(b)) {
        eq = ai == 0.0 && !std::isnan(ar) && float_compare_int(ar, b) == 0;
    } else if (parts(b, &br, &bi)) {
        eq = ar == br && ai == bi;
    } else {
        return Ref::borrow(NotImplemented);
    }
    return Ref::borrow(bool_obj(eq == (op == CompareOp::Eq)));
}

Ref complex_neg(Object* o) { return complex_new(-as_complex(o)->real, -as_complex(o)->imag); }
Ref complex_pos(Object* o) { return complex_new(as_complex(o)->real, as_complex(o)->imag); }
Ref complex_abs(Object* o) {
    double r = std::hypot(as_complex(o)->real, as_complex(o)->imag);
    if (std::isinf(r) && std::isfinite(as_complex(o)->real) && std::isfinite(as_complex(o)->imag))
        raise(&OverflowError_type, "absolute value too large");
    return float_new(r);
}
bool complex_truthy(Object* o) { return as_complex(o)->real != 0.0 || as_complex(o)->imag != 0.0; }

Ref complex_getattr(Object* o, Str* name) {
    if (name->utf8 == "real") return float_new(as_complex(o)->real);
    if (name->utf8 == "imag") return float_new(as_complex(o)->imag);
    return generic_getattr(o, name);
}

// Any other number, through __float__ or __index__ (float() checks what they return).
bool real_part(Object* o, double* re) {
    if (!special_method(o, intern("__float__")) && !special_method(o, intern("__index__"))) return false;
    Ref f = call(&float_type, &o, 1);
    *re = float_value(f.get());
    return true;
}

bool is_blank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
void skip_blanks(std::string_view& s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
}
bool is_j(std::string_view s) { return !s.empty() && (s[0] == 'j' || s[0] == 'J'); }

// The length of the longest prefix of s that reads as a float: an optional sign, then digits with
// an optional point and exponent, or inf, infinity, nan in any case; 0 when none does.
size_t float_prefix(std::string_view s) {
    size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    auto word_at = [&](std::string_view word) {
        if (s.size() - i < word.size()) return false;
        for (size_t k = 0; k < word.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
        return true;
    };
    for (std::string_view word : {"infinity", "inf", "nan"})
        if (word_at(word)) return i + word.size();
    auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    size_t digits = 0;
    for (; digit(i); ++i) ++digits;
    if (i < s.size() && s[i] == '.')
        for (++i; digit(i); ++i) ++digits;
    if (digits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t k = i + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (digit(k)) {
            while (digit(k)) ++k;
            i = k;
        }
    }
    return i;
}

// Takes a float off the front of s into *out; false when s does not start with one.
bool take_float(std::string_view& s, double* out) {
    size_t n = float_prefix(s);
    if (n == 0 || !parse_float(s.substr(0, n), out)) return false;
    s.remove_prefix(n);
    return true;
}

// CPython's complex_from_string_inner: "<float>", "<float>j", "<float><signed float>j",
// "<float><sign>j", "<sign>j", "j", optionally in brackets, blanks around.
bool parse_complex(std::string_view s, double* re, double* im) {
    *re = *im = 0.0;
    skip_blanks(s);
    bool bracket = !s.empty() && s[0] == '(';
    if (bracket) {
        s.remove_prefix(1);
        skip_blanks(s);
    }
    double x;
    if (take_float(s, &x)) {
        if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
            *re = x;
            if (!take_float(s, im)) {
                *im = s[0] == '+' ? 1.0 : -1.0;
                s.remove_prefix(1);
            }
            if (!is_j(s)) return false;
            s.remove_prefix(1);
        } else if (is_j(s)) {
            *im = x;
            s.remove_prefix(1);
        } else {
            *re = x;
        }
    } else {
        *im = 1.0;
        if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
            *im = s[0] == '+' ? 1.0 : -1.0;
            s.remove_prefix(1);
        }
        if (!is_j(s)) return false;
        s.remove_prefix(1);
    }
    skip_blanks(s);
    if (bracket) {
        if (s.empty() || s[0] != ')') return false;
        s.remove_prefix(1);
        skip_blanks(s);
    }
    return s.empty();
}

// The complex that o's __complex__ returns, or null when its class has none (CPython's
// try_complex_special_method): a complex subclass is accepted with a DeprecationWarning.
Ref complex_from_dunder(Object* o) {
    Ref special = special_method(o, intern("__complex__"));
    if (!special) return nullptr;
    Ref c = call0(special.get());
    if (!is_instance(c.get(), &complex_type))
        raise(&TypeError_type,
              format("__complex__ returned non-complex (type %s)", type_of(c.get())->name.c_str()));
    if (type_of(c.get()) != &complex_type)
        warn(&DeprecationWarning_type,
             format("__complex__ returned non-complex (type %s).  The ability to return an instance of a "
                    "strict subclass of complex is deprecated, and may be removed in a future version of "
                    "Python.",
                    type_of(c.get())->name.c_str()));
    return c;
}

// complex(real=0, imag=0): numbers, or a string such as "1+2j".
Ref complex_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"real", "imag"};
    Object* a[2] = {};
    bind_args("complex", args, nargs, kw, kNames, 2, 0, a);
    if (type == &complex_type && a[0] && !a[1] && type_of(a[0]) == &complex_type) return Ref::borrow(a[0]);
    double re = 0, im = 0;
    if (a[0] && is_str(a[0])) {
        if (a[1]) raise(&TypeError_type, "complex() can't take second arg if first is a string");
        // Digits of any script read as ASCII ones; underscores only between digits (CPython's
        // _Py_string_to_number_with_underscores, whose message names the text).
        std::string storage, plain;
        std::string_view text = ascii_number_text(str_utf8_of(a[0]), storage);
        if (!remove_underscores(text, &plain))
            raise(&ValueError_type, format("could not convert string to complex: %s",
                                           str_repr_text(str_utf8_of(a[0])).c_str()));
        if (!parse_complex(plain, &re, &im)) raise(&ValueError_type, "complex() arg is a malformed string");
        return complex_make(static_cast<Type*>(type), re, im);
    }
    double r1 = 0, i1 = 0, r2 = 0, i2 = 0;
    bool first_complex = a[0] && is_instance(a[0], &complex_type);
    // __complex__ comes first, before __float__ and __index__ (CPython's try_complex_special_method).
    Ref special = a[0] && type_of(a[0]) != &complex_type ? complex_from_dunder(a[0]) : nullptr;
    if (special) {
        parts(special.get(), &r1, &i1);
        first_complex = true;
    } else if (a[0] && !parts(a[0], &r1, &i1) && !real_part(a[0], &r1)) {
        raise(&TypeError_type, format("complex() first argument must be a string or a number, not '%s'",
                                      type_of(a[0])->name.c_str()));
    }
    if (a[1] && !parts(a[1], &r2, &i2) && !real_part(a[1], &r2))
        raise(&TypeError_type,
              format("complex() second argument must be a number, not '%s'", type_of(a[1])->name.c_str()));
    // As CPython, a part is added only where an argument is complex, so that complex(0, -0.0)
    // keeps its negative zero (0.0 + -0.0 would be 0.0).
    if (!a[1]) return complex_make(static_cast<Type*>(type), r1, i1);
    double real = is_instance(a[1], &complex_type) ? r1 - i2 : r1;
    double imag = first_complex ? r2 + i1 : r2;
    return complex_make(static_cast<Type*>(type), real, imag);
}

Ref complex_conjugate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("conjugate", nargs - 1, kw, 0, 0);
    return complex_new(as_complex(args[0])->real, -as_complex(args[0])->imag);
}

Ref complex_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getnewargs__", nargs - 1, kw, 0, 0);
    Ref re = float_new(as_complex(args[0])->real), im = float_new(as_complex(args[0])->imag);
    Object* items[2] = {re.get(), im.get()};
    return tuple_from(items, 2);
}

// complex.__complex__ (new in 3.11): the number itself, as an exact complex.
Ref complex_dunder_complex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__complex__", nargs - 1, kw, 0, 0);
    if (type_of(args[0]) == &complex_type) return Ref::borrow(args[0]);
    return complex_new(as_complex(args[0])->real, as_complex(args[0])->imag);
}

const MethodDef kComplexMethods[] = {
    {"__complex__", complex_dunder_complex, "Convert complex to a complex."},
    {"conjugate", complex_conjugate,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__format__", builtin_format_method, "Convert to a string according to format_spec."},
    {"__getnewargs__", complex_getnewargs, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref complex_new(double real, double imag) { return complex_make(&complex_type, real, imag); }

void complex_as_parts(Object* o, double* re, double* im) {
    Ref converted = is_instance(o, &complex_type) ? nullptr : complex_from_dunder(o);
    if (converted) o = converted.get();
    if (is_instance(o, &complex_type)) {
        *re = as_complex(o)->real;
        *im = as_complex(o)->imag;
        return;
    }
    *re = to_double(o);
    *im = 0.0;
}

void init_complex_type() {
    Type& t = complex_type;
    t.name = "complex";
    t.instance_size = sizeof(Complex);
    t.dealloc = [](Object* o) { delete_object_of(as_complex(o)); };
    t.repr = complex_repr;
    t.hash = complex_hash;
    t.compare = complex_compare;
    t.binary[static_cast<size_t>(BinaryOp::Add)] = complex_binary<BinaryOp::Add>;
    t.binary[static_cast<size_t>(BinaryOp::Sub)] = complex_binary<BinaryOp::Sub>;
    t.binary[static_cast<size_t>(BinaryOp::Mul)] = complex_binary<BinaryOp::Mul>;
    t.binary[static_cast<size_t>(BinaryOp::TrueDiv)] = complex_binary<BinaryOp::TrueDiv>;
    t.binary[static_cast<size_t>(BinaryOp::Pow)] = complex_binary<BinaryOp::Pow>;
    t.neg = complex_neg;
    t.pos = complex_pos;
    t.abs = complex_abs;
    t.truthy = complex_truthy;
    t.getattr = complex_getattr;
    t.construct = complex_construct;
    t.methods = kComplexMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    init_type(&t);
    add_attribute_descriptors(&t, {"real", "imag"}, true);
}

}  // namespace minipy
