# math: trigonometric and hyperbolic functions, frexp/ldexp/modf, isclose.
import math

print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), math.tan(math.pi / 4))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(1), math.erfc(1), math.gamma(5), math.gamma(1), math.lgamma(1))
print(math.frexp(8), math.frexp(0.1), math.frexp(0), math.ldexp(0.5, 4), math.ldexp(1, -1))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
angles = [0, 30, 45, 60, 90]
for a in angles:
    r = math.radians(a)
    print(a, "%.4f %.4f" % (math.sin(r), math.cos(r)))
