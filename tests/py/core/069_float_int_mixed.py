# BINARY_OP computes a float with a small int (either side) inline: the results, rounding of
# ints past 2**53, infinities, nans and division by zero as CPython.
import sys
vals = [0, 1, -1, 3, 7, -12345, 2**40+1, 2**53+1, 2**61, -(2**61), 2**62 - 1, 2**63, 10**30]
fl = [0.0, -0.0, 1.5, -2.25, 1e308, float('inf'), float('nan'), 3.0000000001, 1e-310]
for i in vals:
    for f in fl:
        for op in ('+', '-', '*', '/'):
            for expr in (f"i {op} f", f"f {op} i"):
                try:
                    r = eval(expr)
                    print(expr, i, f, repr(r))
                except Exception as e:
                    print(expr, i, f, type(e).__name__, e)
x = 2.5
for k in range(5):
    x = x * 3 + k - 1 / (k + 1)
print(x)
import math
print(math.sin(3), math.cos(2**62), math.sqrt(2**53 + 1), math.sqrt(True))
for base in (2.0, 0.5, 1e-300, 1e300, 3, 7.25, -2.0, 0.0, -0.0, float('inf'), float('nan')):
    for exp in (-1.5, 0.5, 2, 3, -2, 0, 1e10, -1e10, 0.0, float('inf'), -float('inf'), 400, 1.5):
        try:
            print(base, exp, repr(base ** exp))
        except Exception as e:
            print(base, exp, type(e).__name__, e)
