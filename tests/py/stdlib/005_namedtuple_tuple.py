# collections.namedtuple makes a real tuple subclass: isinstance, unpacking, indexing, slicing,
# _replace/_asdict/_fields/_make, defaults, rename, the signature of __new__, subclassing it.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, repr(p), p.x + p.y, p[0], p[-1], p[:1], type(p[:1]).__name__, len(p), isinstance(p, tuple))
x, y = p
print(x, y, *p, list(p), tuple(p), p == (11, 22), (11, 22) == p, p < Point(11, 23), hash(p) == hash((11, 22)))
print(p._fields, Point._fields, p._asdict(), p._replace(x=1), Point._make([3, 4]), Point._field_defaults)
print(type(p).__name__, Point.__name__, Point.__bases__, Point.__module__, Point.__doc__, p.count(11), p.index(22))
print(Point.x.__doc__, p + (1,), type(p + (1,)).__name__, p * 2, {p: "a"}[(11, 22)], sorted([Point(2, 1), Point(1, 2)]))
print("%s, %s" % p, "{}/{}".format(*p), f"{p}", str(p), max(p), dict(zip(p._fields, p)), p.__getnewargs__())

for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point._make([1]),
            lambda: p._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in (lambda: setattr(p, "x", 5), lambda: delattr(p, "x")):
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)

Options = namedtuple("Options", "verbose, level depth", defaults=[1, 2])
print(Options(True), Options(False, depth=5), Options._field_defaults, Options(*"abc"))
Renamed = namedtuple("Renamed", ["ok", "def", "ok", "_x", "1st"], rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4, 5))
for args in (("Bad", ["def"]), ("Bad", ["_x"]), ("Bad", ["a", "a"]), ("1Bad", ["a"]), ("Bad", ["a-b"])):
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    namedtuple("Bad", "a b", defaults=[1, 2, 3])
except TypeError as e:
    print("TypeError", e)
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()), Empty._fields, Empty() == ())


class Point3(namedtuple("Point3", "x y z")):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return "<%d %d %d>" % self


q = Point3(1, -2, 3)
print(q, repr(q), q.norm1(), q._replace(z=0), isinstance(q, tuple), Point3.__mro__[1].__name__, q._asdict())
a, *rest = q
print(a, rest, q[1:], [f for f in q._fields])


def make_in_function():
    Local = namedtuple("Local", "a")
    return Local(1)


print(make_in_function(), type(make_in_function()).__module__)
