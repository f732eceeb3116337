# tuple and float subclasses (and bytes, frozenset): the built-in value plus a __dict__, every
# inherited operation, __new__ overrides, and results of built-in operations in the base type.
class T(tuple):
    def total(self):
        return sum(self)


t = T((1, 2, 3))
print(t, repr(t), t.total(), len(t), t[0], t[-1], t[1:], type(t[1:]).__name__, type(t[:]).__name__)
print(type(t).__name__, isinstance(t, tuple), t == (1, 2, 3), (1, 2, 3) == t, t < (1, 3), hash(t) == hash((1, 2, 3)))
print(t + (4,), type(t + (4,)).__name__, type(t + ()).__name__, type(() + t).__name__, t * 2, type(t * 1).__name__)
a, b, c = t
first, *rest = t
print(a, b, c, first, rest, 2 in t, t.count(2), t.index(3), list(t), tuple(t), type(tuple(t)).__name__)
print({t: "key"}[(1, 2, 3)], sorted(T((3, 1, 2))), max(t), T(), T([4, 5]), T(x * x for x in range(3)))
print("%s and %s" % T(("a", "b")), "{0}-{1}".format(*t), f"{t}", str(t), T.__bases__)
t.label = "abc"
print(t.label, t.__dict__)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other[0], self.y + other[1])


p = Point(1, 2)
print(p, p.x, p.y, p + (10, 20), p + p, len(p), tuple(p), p == (1, 2), [p], p[0])
x, y = p
print(x, y, type(p + p).__name__, isinstance(p, tuple), Point.__mro__ == (Point, tuple, object))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)


class F(float):
    def half(self):
        return self / 2


f = F(3.0)
print(f, f.half(), repr(f), type(f).__name__, type(f.half()).__name__, isinstance(f, float), F(), F("2.5"), F(7))
print(f + 1, 1 + f, f * f, f - 0.5, 2 ** f, f ** 2, f // 2, f % 2, -f, +f, abs(F(-2.0)), type(+f).__name__)
print(type(f + 1).__name__, type(-f).__name__, f == 3, f == 3.0, f < 4, 2 < f, f != F(3.0), hash(f) == hash(3))
print(int(f), float(f), type(float(f)).__name__, round(F(2.567), 2), round(f), f"{f:.2f}", f"{f:>8}", "%.1f" % f)
print(f.is_integer(), f.as_integer_ratio(), f.real, type(f.real).__name__, f.imag, f.conjugate(), bool(F(0.0)))
print({f: 1}[3.0], sorted([F(2.5), 1, F(0.5)]), max(F(1.0), 2.0), sum([F(0.5), F(0.25)]), divmod(f, 2))
import math
print(math.sqrt(F(16.0)), math.floor(F(2.7)), math.isclose(F(0.1) + 0.2, 0.3))
f.unit = "m"
print(f.unit, vars(f))


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def __str__(self):
        return f"{float(self):.1f}°C"

    def to_f(self):
        return Celsius(self * 9 / 5 + 32)


c = Celsius(21.5)
print(c, repr(c), str(c), c.to_f(), f"{c}", c + 0.5, [c])
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)


class B(bytes):
    def shout(self):
        return self.upper()


bb = B(b"abc")
print(bb, bb.shout(), type(bb.shout()).__name__, len(bb), bb[0], bb + b"d", type(bb + b"d").__name__, B(3), B([65, 66]))
print(bb == b"abc", bb.decode(), isinstance(bb, bytes), hash(bb) == hash(b"abc"), {bb: 1}[b"abc"], bytes(bb), type(bytes(bb)).__name__)


class FS(frozenset):
    def describe(self):
        return sorted(self)


fs = FS([3, 1, 2])
print(fs.describe(), len(fs), 2 in fs, type(fs).__name__, type(fs | {4}).__name__, fs == {1, 2, 3}, hash(fs) == hash(frozenset({1, 2, 3})))
print(FS(), sorted(fs & {1, 5}), isinstance(fs, frozenset))
