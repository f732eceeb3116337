# math: constants and the basic float functions.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.fabs(-3), math.fabs(2.5))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(3))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20), math.ceil(True))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0))
print(math.exp(0), math.exp(1), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log2(1024), math.log10(1000), math.log2(10), math.log(2 ** 1000))
print(math.log(10 ** 400, 10))
print(math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot())
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, 2))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan))
print(math.cbrt(27), math.exp2(3), math.expm1(1e-10), math.log1p(1e-10))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]))
