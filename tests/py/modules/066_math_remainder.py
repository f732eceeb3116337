# math.remainder: IEEE 754 remainder (ties to even), its signs of zero, and CPython's errors for
# infinite x or zero y; nan in gives nan out, an infinite y gives x.
import math

for x, y in [(10, 3), (11, 3), (-10, 3), (5, 2), (7, 2), (-5, 2), (-7, 2), (6, -4), (0.0, 1), (-0.0, 1),
             (4.0, 2), (-4.0, 2), (1e300, 1e-300), (2.5, math.inf), (-2.5, -math.inf), (math.nan, 1),
             (1, math.nan), (3.0, 0.1), (1e308, 3.0)]:
    print(x, y, math.remainder(x, y))
for x, y in [(math.inf, 1), (-math.inf, 2), (1, 0), (0.0, -0.0), ("a", 1)]:
    try:
        print(math.remainder(x, y))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    math.remainder(1)
except TypeError as e:
    print(e)
print(math.remainder(math.inf, math.nan), math.remainder.__doc__.splitlines()[0])
