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
    init_header(c, t);
    track_if_headed(c);
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
                return complex_new(rr, ri);
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
            return complex_new(len * std::cos(phase), len * std::sin(phase));
        }
        default:
            return Ref::borrow(NotImplemented);
    }
}

Ref complex_compare(Object* a, Object* b, CompareOp op) {
    double ar, ai, br, bi;
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !parts(a, &ar, &ai) || !parts(b, &br, &bi))
        return Ref::borrow(NotImplemented);
    bool eq = ar == br && ai == bi;
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

// complex(real=0, imag=0): numbers, or a string such as "1+2j".
Ref complex_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"real", "imag"};
    Object* a[2] = {};
    bind_args("complex", args, nargs, kw, kNames, 2, 0, a);
    double re = 0, im = 0;
    if (a[0] && is_str(a[0])) {
        if (a[1]) raise(&TypeError_type, "complex() can't take second arg if first is a string");
        std::string s = str_utf8_of(a[0]);
        size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
        s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
        if (s.size() > 1 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
        char* end = nullptr;
        double first = std::strtod(s.c_str(), &end);
        std::string rest = end;
        if (end == s.c_str() && (rest == "j" || rest == "+j" || rest == "-j")) {
            im = rest == "-j" ? -1 : 1;
        } else if (end == s.c_str()) {
            raise(&ValueError_type, "complex() arg is a malformed string");
        } else if (rest.empty()) {
            re = first;
        } else if (rest == "j" || rest == "J") {
            im = first;
        } else {
            const char* p = end;
            double second = (rest == "+j" || rest == "-j") ? (rest[0] == '-' ? -1 : 1) : std::strtod(p, &end);
            std::string tail = (rest == "+j" || rest == "-j") ? "j" : std::string(end);
            if (tail != "j" && tail != "J") raise(&ValueError_type, "complex() arg is a malformed string");
            re = first;
            im = second;
        }
        return complex_make(static_cast<Type*>(type), re, im);
    }
    double r1 = 0, i1 = 0, r2 = 0, i2 = 0;
    bool first_complex = a[0] && is_instance(a[0], &complex_type);
    // __complex__ comes first, before __float__ and __index__ (CPython's try_complex_special_method).
    Ref special =
        a[0] && type_of(a[0]) != &complex_type ? special_method(a[0], intern("__complex__")) : nullptr;
    if (special) {
        Ref c = call0(special.get());
        if (!is_instance(c.get(), &complex_type))
            raise(&TypeError_type,
                  format("__complex__ returned non-complex (type %s)", type_of(c.get())->name.c_str()));
        parts(c.get(), &r1, &i1);
        first_complex = true;
    } else if (a[0] && !parts(a[0], &r1, &i1)) {
        raise(&TypeError_type, format("complex() first argument must be a string or a number, not '%s'",
                                      type_of(a[0])->name.c_str()));
    }
    if (a[1] && !parts(a[1], &r2, &i2))
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

const MethodDef kComplexMethods[] = {
    {"conjugate", complex_conjugate,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__format__", builtin_format_method, "Convert to a string according to format_spec."},
    {"__getnewargs__", complex_getnewargs, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref complex_new(double real, double imag) { return complex_make(&complex_type, real, imag); }

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
