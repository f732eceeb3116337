# A negative float to a fractional power is complex in Python 3 (math.pow still refuses it), and
# complex(re, im) adds a part only where an argument is complex, so negative zeros survive.
import math

print((-8) ** (1 / 3), (-8.0) ** 0.5, pow(-2, 0.5), (-2.0) ** -0.5)
print((-1.5) ** 2.0, (-2) ** -1, 2.0 ** -1, (-8.0) ** 3, type((-4.0) ** 0.5).__name__)
print((-float("inf")) ** 0.5, float("-inf") ** 3, (-0.0) ** 0.5)
try:
    math.pow(-8, 1 / 3)
except ValueError as e:
    print("ValueError:", e)
print(repr(complex(0, -0.0)), complex(1, -0.0), complex(-0.0, 0), complex(-0.0), complex(0.0))
print(complex(1j, 1j), complex(1 + 2j), complex(2, 1j), complex(1 + 1j, 2), complex("3-0j"), complex(-0.0, -0.0))


class C:
    def __complex__(self):
        return 1 - 0j


print(complex(C()), complex(C(), -0.0), complex(False, True))
