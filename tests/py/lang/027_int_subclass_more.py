# Subclassing int, further: deeper hierarchies, mixins, int.__new__ errors, IntEnum-like classes,
# arithmetic with floats, sequences and builtins taking int subclass instances.
class C(int):
    pass

class D(C):
    def __new__(cls, v=0):
        return super().__new__(cls, v * 10)

class Mixin:
    def describe(self):
        return "value %d" % self

class M(Mixin, int):
    pass

d = D(2)
print(d, type(d).__name__, D.__mro__, C.__base__, D(), isinstance(d, C), isinstance(d, bool))
print(M(5).describe(), M.__mro__[1].__name__, type(M(5) + 1).__name__)
print(type(d)(4), C(C(3)), type(C(C(3))).__name__, C(1).__class__.__name__, vars(C(2)))
x = C(3)
x.a = 1
del x.a
try:
    x.a
except AttributeError as e:
    print(e)
for bad in [lambda: int.__new__(list), lambda: int.__new__(bool, 1), lambda: int.__new__(5), lambda: C("x"), lambda: C(1, 2, 3), lambda: C([])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(int.__new__(C), int.__new__(int, 7), type(int.__new__(int, 7)).__name__)

class Color(int):
    RED = 1
    def __new__(cls, value, label="?"):
        obj = int.__new__(cls, value)
        obj.label = label
        return obj
    def __str__(self):
        return "Color." + self.label
    def __repr__(self):
        return "<Color.%s: %d>" % (self.label, self)
r = Color(1, "RED")
print(r, repr(r), [r], f"{r}", "{}".format(r), "%s %d %r" % (r, r, r), format(r, "x"), r == 1, r + 0)
print(sorted({Color(2, "B"), Color(1, "A")}), dict.fromkeys([r]), r in [1, 2], 1 in [r], [1, 2].index(Color(2)))
print(str(C(5)), repr(C(5)), C(-0), C(" 42 "), C(b"12") if False else "", C("0x1f", 0), C(2.5e3))
print(isinstance(C, type), issubclass(C, int), issubclass(bool, int), issubclass(C, bool))
print(C(10) / C(4), C(10) // 4.0, 2 ** C(3), C(7) % 2.5, divmod(C(-7), 2), C(3) == 3.0, C(3) < 3.5)
print(list(enumerate("ab", C(1))), [*range(C(1), C(7), C(2))], "abcdef"[C(1):C(4)], (1, 2, 3)[-C(1)])
import sys
print(sys.getrecursionlimit() > C(0), "x".center(C(5)), bytearray(C(2)), [0, 1][True])
class Z(int):
    def __bool__(self):
        return True
print(bool(Z(0)), bool(C(0)), Z(0) or "no", C(0) or "no")
class Idx(int):
    def __index__(self):
        return 99
print([1, 2, 3][Idx(1)], hex(Idx(1)), int(Idx(1)))
