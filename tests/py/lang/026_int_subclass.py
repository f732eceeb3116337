# Subclassing int, basics: instances behave as ints everywhere (arithmetic gives plain ints, hashing,
# indexing, range, %-formatting, format), carry a __dict__, and __new__/__init__/__repr__ overrides work.
class C(int):
    pass

x = C(7)
print(x, repr(x), type(x).__name__, isinstance(x, int), type(x) is C)
print(x + 1, type(x + 1).__name__, 1 + x, type(1 + x).__name__, x * x, -x, type(-x).__name__, +x, type(+x).__name__)
print(abs(C(-3)), ~x, x // 2, x % 4, x / 2, x ** 2, x << 3, x >> 1, x & 3, x | 8, x ^ 1, divmod(x, 3))
print(x == 7, x < 8, 7 == x, x != 7, x > C(6), hash(x) == hash(7), {x: 1}[7], {7: 'a'}[x])
print(bool(C(0)), bool(C(3)), not C(0))
print([10, 20, 30, 40, 50, 60, 70, 80][x], "abcdefgh"[x], (1, 2, 3)[C(1)], list(range(C(3))), range(20)[C(2)])
print("%d %s %r %x %05d" % (x, x, x, x, x), format(x, "04d"), f"{x}", f"{x:>5}", str(x), "{}".format(x))
print(int(x), type(int(x)).__name__, float(x), x.bit_length(), x.real, type(x.real).__name__, x.numerator)
print(C(), C("12"), C("ff", 16), C(3.9), C(True), type(C(True)).__name__)
big = C(2 ** 100)
print(big, big + 1, big > 2 ** 99, hash(big) == hash(2 ** 100), type(big).__name__)
print(sorted([C(3), 1, C(2)]), max(C(3), 1), sum([C(1), C(2)]), min([C(5), C(4)]))
x.attr = "hello"
print(x.attr, x.__dict__)
print(round(x), type(round(x)).__name__, pow(x, 2, 5), x.to_bytes(2, "big"), C.from_bytes(b"\x01", "big"), type(C.from_bytes(b"\x01", "big")).__name__)
print(int.__new__(C, 9), type(int.__new__(C, 9)).__name__)
print(True + True, isinstance(True, int), type(True + 1).__name__)
print(chr(C(65)), [0] * C(3), "ab" * C(2), bytes(C(2)), hex(x), oct(x), bin(x))

class Named(int):
    def __new__(cls, value, name):
        self = super(Named, cls).__new__(cls, value)
        self.name = name
        return self

    def __repr__(self):
        return self.name

    __reduce__ = None

A = Named(3, "A")
print(A, repr(A), str(A), f"{A}", "%d" % A, "%s" % A, format(A, ""), format(A, "d"), [A], A + 1, A == 3)
print({A: "x"}, A.name, int(A), type(int(A)).__name__)

class I(int):
    def __init__(self, v):
        self.doubled = v * 2
print(I(4), I(4).doubled)

class Add(int):
    def __add__(self, other):
        return Add(int(self) + int(other) + 100)
    def __int__(self):
        return 42
print(Add(1) + 1, type(Add(1) + 1).__name__, 1 + Add(1), int(Add(5)))


class K(int):
    def __eq__(self, other):
        return True
print(K(1) == 2)
try:
    hash(K(1))
except TypeError as e:
    print(e)
class Flag(int):
    def __or__(self, other):
        return Flag(int(self) | int(other))
print(type(Flag(1) | Flag(2)).__name__, Flag(1) | Flag(2))
import math
print(math.floor(C(3)), type(math.floor(C(3))).__name__, math.ceil(True), math.trunc(C(-2)), math.gcd(C(12), 8), math.factorial(C(4)), math.isqrt(C(17)))
