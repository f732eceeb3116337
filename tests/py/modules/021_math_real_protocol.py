# math's functions take any real number as CPython's PyFloat_AsDouble does: a float, an int, an
# object with __float__ (Decimal, Fraction) or, failing that, __index__; and nextafter/ulp, which
# statistics uses. sys.gettrace() is None: nothing traces (settrace(None) is what doctest calls).
import math
import sys
from decimal import Decimal
from fractions import Fraction


class Index:
    def __index__(self):
        return 16


class BadFloat:
    def __float__(self):
        return 1


print(math.sqrt(Fraction(9, 4)), math.sqrt(Decimal("2.25")), math.sqrt(Index()), math.floor(2.5))
print(math.isclose(Fraction(1, 3), 1 / 3), math.log(Decimal(100), 10), math.fsum([Fraction(1, 2), 0.25]))
for bad in (BadFloat(), "1", None):
    try:
        math.sqrt(bad)
    except TypeError as e:
        print("TypeError:", e)

print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3, 3))
print(math.nextafter(math.inf, 0.0), math.nextafter(-0.0, 1.0), math.isnan(math.nextafter(math.nan, 1.0)))
print(math.ulp(1.0), math.ulp(-1e300), math.ulp(0.0), math.ulp(math.inf), math.ulp(sys.float_info.max))
print(math.isnan(math.ulp(math.nan)), math.ulp(Fraction(1, 2)))
print(sys.gettrace(), sys.getprofile())
print(sys.settrace(None), sys.setprofile(None), sys.stdout.encoding, sys.stderr.errors)
