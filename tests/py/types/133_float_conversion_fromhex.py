# float(x) calls the __float__ a subclass of float, int or str overrides; float.fromhex rounds
# half-to-even into subnormals and at the top of the range.
import math


class F2(float):
    def __float__(self):
        return 42.0


class F4(float):
    def __float__(self):
        return 42


class I(int):
    def __float__(self):
        return 7.5


class S(str):
    def __float__(self):
        return float(str(self)) + 1


class Plain(float):
    pass


for make in (lambda: F2(), lambda: F4(1.5), lambda: I(3), lambda: S("8"), lambda: Plain(2.5), lambda: True):
    try:
        v = float(make())
        print(type(v).__name__, v)
    except TypeError as e:
        print("TypeError", e)

texts = [
    "0x0.ffffffffffffecp-1022", "0x0.ffffffffffffe8p-1022", "0x0.ffffffffffffe4p-1022",
    "0x0.0000000000001p-1022", "0x0.00000000000008p-1022", "0x0.00000000000008000001p-1022",
    "0x0.00000000000018p-1022", "0x1p-1075", "0x1.0000001p-1075", "0x3p-1076", "0x1p-1076",
    "0x1.fffffffffffff7ffp1023", "0x1.fffffffffffff8p1023", "0x1p1024", "-0x1.8p-1074",
    "0x123456789abcdef0123456789p0", "0x.000000000000000000000000000001p+120",
    "0x1p99999999999999999999", "0x0p99999999999999999999", "-0x1p-99999999999999",
    " 0X1P1 ", "+0x.1", "1.", ".1", "0x", "0xp1", "0x1p", "0x1p+", "x", "-inf", "nan", "0x1.g",
]
for text in texts:
    try:
        print(repr(text), float.fromhex(text).hex())
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
print(math.copysign(1.0, float.fromhex("-0x1p-1080")))
