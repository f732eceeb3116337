# cmath: ordinary values, branch cuts with signed zeros, Annex G special values (infinities, nans),
# errors and argument conversion; floats printed with repr so that a differing last bit shows.
import cmath
import math

inf, nan = math.inf, math.nan


def show(x):
    if isinstance(x, complex):
        return "(%r, %r)" % (x.real, x.imag)
    if isinstance(x, tuple):
        return "(" + ", ".join(show(v) for v in x) + ")"
    return repr(x)


def attempt(label, f, *args, **kw):
    try:
        print(label, show(f(*args, **kw)))
    except Exception as e:
        print(label, type(e).__name__, e)


unary = ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "cos", "sin", "tan",
         "acosh", "asinh", "atanh", "cosh", "sinh", "tanh", "phase", "polar", "isfinite", "isinf", "isnan"]

print("-- constants")
for name in ["pi", "e", "tau", "inf", "nan", "infj", "nanj"]:
    print(name, show(getattr(cmath, name)), type(getattr(cmath, name)).__name__)
print(math.copysign(1, cmath.nan), math.copysign(1, cmath.nanj.imag), cmath.nanj.real, cmath.infj.real)

print("-- ordinary values")
ordinary = [1 + 2j, -3.5 + 0.25j, 0.5 - 0.75j, -2 - 7j, 1e-5 + 3e-6j, 123.456 - 789.012j, 0.999 + 0.001j,
            1.0001 - 0.0j, 2, -2, 0.5, -0.5, 1j, -1j, 3, 10 ** 20, 1e-310 + 1e-310j, 5e-324 + 0j]
for z in ordinary:
    for f in unary:
        attempt("%s(%s)" % (f, show(z)), getattr(cmath, f), z)

print("-- branch cuts with signed zeros")
cuts = [complex(-2.0, 0.0), complex(-2.0, -0.0), complex(2.0, 0.0), complex(2.0, -0.0),
        complex(0.0, 2.0), complex(-0.0, 2.0), complex(0.0, -2.0), complex(-0.0, -2.0),
        complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
        complex(1.0, 0.0), complex(1.0, -0.0), complex(-1.0, 0.0), complex(-1.0, -0.0),
        complex(0.0, 1.0), complex(0.0, -1.0), complex(-0.0, 1.0)]
for z in cuts:
    for f in unary[:16]:
        attempt("%s(%s)" % (f, show(z)), getattr(cmath, f), z)

print("-- special values")
specials = [-inf, -2.5, -0.0, 0.0, 2.5, inf, nan]
for f in unary[:16]:
    for x in specials:
        row = []
        for y in specials:
            try:
                r = getattr(cmath, f)(complex(x, y))
                row.append(show(r))
            except Exception as e:
                row.append(type(e).__name__)
        print(f, repr(x), " ".join(row))
for f in ["exp", "cos", "sin", "tan", "cosh", "sinh", "tanh"]:
    for z in [complex(inf, 1), complex(inf, -1), complex(-inf, 2), complex(-inf, -2), complex(inf, 4), complex(-inf, 4),
              complex(1, inf), complex(2, -inf), complex(-4, inf), complex(4, -inf), complex(1, nan), complex(nan, 1)]:
        attempt("%s(%s)" % (f, show(z)), getattr(cmath, f), z)

print("-- rect")
for r in specials + [1.0, -1.0]:
    row = []
    for phi in specials + [1.0, -1.0, 3.0, -3.0]:
        try:
            row.append(show(cmath.rect(r, phi)))
        except Exception as e:
            row.append(type(e).__name__)
    print("rect", repr(r), " ".join(row))
attempt("rect(2, pi/6)", cmath.rect, 2, math.pi / 6)
attempt("rect(1e308, 0.5)", cmath.rect, 1e308, 0.5)

print("-- overflow and domain errors")
for f, z in [("exp", 710), ("exp", 709.9 + 1j), ("exp", 1000 + 0.1j), ("exp", 711 + 1.5707963267948966j),
             ("cosh", 710), ("cosh", 720 + 1j), ("sinh", -710), ("sinh", 715 + 2j), ("cos", 720j), ("sin", 720j),
             ("tanh", 720 + 1j), ("tanh", -1000 + 2j), ("tan", 1000j), ("log", 0), ("log", 0j), ("log", -0.0),
             ("log10", 0), ("atanh", 1), ("atanh", -1), ("atanh", complex(1, -0.0)), ("atan", 1j), ("atan", -1j),
             ("polar", complex(1e308, 1e308)), ("polar", complex(1.5e308, 1.5e308)), ("sqrt", complex(1e308, 1e308)),
             ("log", complex(1e308, 1e308)), ("acos", complex(1e308, -1e308)), ("acosh", complex(-1e308, 1e308)),
             ("asinh", complex(-1e308, -1e308)), ("asin", complex(1e308, 1e307)), ("atanh", complex(1e200, -1e200)),
             ("atanh", complex(1, 1e-160)), ("atanh", complex(1, -1e-200)), ("log", complex(1e-320, -1e-321)),
             ("sqrt", complex(1e-320, 4e-321)), ("sqrt", complex(-1e-320, -4e-321)), ("polar", complex(inf, nan)),
             ("polar", complex(nan, -inf)), ("polar", complex(nan, 1))]:
    attempt("%s(%s)" % (f, show(complex(z))), getattr(cmath, f), z)

print("-- phase underflow")
for z in [complex(1e300, 1e-20), complex(1e300, 1e-300), complex(-1e300, 1e-300), complex(1e300, -1e-300),
          complex(2.0, 5e-324), complex(inf, 1), complex(1e-300, 1e300), complex(1e300, 0.0)]:
    attempt("phase(%s)" % show(z), cmath.phase, z)
    attempt("polar(%s)" % show(z), cmath.polar, z)

print("-- log with a base")
for args in [(8, 2), (100, 10), (1j, 2j), (-1, 3), (0, 2), (0, 0), (2, 0), (1, 1), (2, 1), (1j, 0j), (inf, 2),
             (2, nan), (0, 1), (10, 0.5), (-1e300, 1e-300), (complex(3, 4), complex(-1, -1))]:
    attempt("log%r" % (args,), cmath.log, *args)

print("-- argument conversion")


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.25


class WithIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 5


class BadFloat:
    def __float__(self):
        return "x"


class Both:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


class ComplexSub(complex):
    def __complex__(self):
        return 99j


class FloatSub(float):
    pass


for arg in [WithComplex(), WithFloat(), WithIndex(), Both(), ComplexSub(1, 2), FloatSub(4.0), True, 2 ** 70]:
    attempt("sqrt(%s)" % type(arg).__name__, cmath.sqrt, arg)
    attempt("phase(%s)" % type(arg).__name__, cmath.phase, arg)
for arg in ["1", None, [], BadComplex(), BadFloat(), 10 ** 400, b"x"]:
    attempt("sqrt(%s)" % type(arg).__name__, cmath.sqrt, arg)
attempt("rect(WithFloat, WithIndex)", cmath.rect, WithFloat(), WithIndex())
attempt("rect(1, 1j)", cmath.rect, 1, 1j)
attempt("rect('a', 1)", cmath.rect, "a", 1)
attempt("log(1, 'a')", cmath.log, 1, "a")
attempt("log('a', 0)", cmath.log, "a", 0)
attempt("log(WithComplex(), WithIndex())", cmath.log, WithComplex(), WithIndex())

print("-- wrong calls")
attempt("sqrt()", cmath.sqrt)
attempt("sqrt(1, 2)", cmath.sqrt, 1, 2)
attempt("sqrt(z=1)", cmath.sqrt, z=1)
attempt("exp(x=1)", cmath.exp, x=1)
attempt("log()", cmath.log)
attempt("log(1, 2, 3)", cmath.log, 1, 2, 3)
attempt("log(1, base=2)", cmath.log, 1, base=2)
attempt("rect(1)", cmath.rect, 1)
attempt("rect(1, 2, 3)", cmath.rect, 1, 2, 3)
attempt("phase()", cmath.phase)
attempt("polar(1, 2)", cmath.polar, 1, 2)
attempt("isnan()", cmath.isnan)

print("-- isclose")
for args, kw in [((1, 1), {}), ((1 + 1j, 1 + 1.0000000001j), {}), ((1 + 1j, 1 + 1.00001j), {}),
                 ((1 + 1j, 1 + 1.00001j), {"rel_tol": 1e-4}), ((0, 1e-10), {}), ((0, 1e-10), {"abs_tol": 1e-9}),
                 ((inf, inf), {}), ((complex(inf, 1), complex(inf, 1)), {}), ((inf, -inf), {}),
                 ((complex(inf, 0), complex(inf, 1)), {}), ((nan, nan), {}), ((cmath.nanj, 0), {}), ((1j, 1j), {}),
                 ((1e308, 1e308 * (1 + 1e-15)), {}), ((1, 2), {"rel_tol": 0.5}), ((1, 2), {"abs_tol": 1}),
                 ((1, 2), {"rel_tol": -1}), ((1, 2), {"abs_tol": -0.1}), ((1, 2), {"rel_tol": "x"}),
                 ((1, 2), {"foo": 1}), ((1, 2, 3), {}), ((1, 2, 3, 4), {}), ((1,), {}), ((), {}),
                 ((), {"a": 1, "b": 1}), ((1,), {"a": 1, "b": 2}),
                 (("a", 1), {})]:
    attempt("isclose%r %r" % (args, kw), cmath.isclose, *args, **kw)
attempt("isclose(WithComplex(), 3+4j)", cmath.isclose, WithComplex(), 3 + 4j)
attempt("isclose(1, 1.5, rel_tol=WithFloat())", cmath.isclose, 1, 1.5, rel_tol=WithFloat())

print("-- module")
print(sorted(n for n in dir(cmath) if not n.startswith("_")))
print(cmath.__name__, cmath.__doc__)
for f in ["sqrt", "log", "isclose", "rect", "polar", "phase", "isfinite"]:
    print(f, getattr(cmath, f).__doc__.splitlines()[0], type(getattr(cmath, f)).__name__)
