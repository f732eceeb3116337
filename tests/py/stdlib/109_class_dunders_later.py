# Dunders set on a class after its creation (as dataclasses, functools.total_ordering and enum do):
# those with a slot take effect on the class and its subclasses at once; __eq__ set later does not
# make the class unhashable (only an __eq__ in the class body does, as CPython's type_new).
import dataclasses
import functools


class A:
    pass


class B(A):
    pass


A.__eq__ = lambda self, other: True
print(A.__dict__.get("__hash__", "absent"), isinstance(hash(A()), int), A() == 3, B() == 4)


class WithEq:
    def __eq__(self, other):
        return False


print(WithEq.__hash__)
try:
    hash(WithEq())
except TypeError as e:
    print("TypeError:", e)

A.__repr__ = lambda self: "<an A>"
A.__len__ = lambda self: 7
A.__add__ = lambda self, other: ("add", other)
A.__iadd__ = lambda self, other: ("iadd", other)
A.__lt__ = lambda self, other: "lt"
A.__call__ = lambda self, *args: ("called", args)
A.__getitem__ = lambda self, i: i * 2
A.__contains__ = lambda self, x: x == "in"
A.__neg__ = lambda self: "neg"
A.__bool__ = lambda self: False
a, b = A(), B()
print(repr(a), repr(b), len(b), a + 1, 1 + 0 if False else b + 2, b < a, b(1, 2), b[21], "in" in b, -b, bool(b))
x = B()
x += 5
print(x)
A.__getattr__ = lambda self, name: "missing " + name
print(b.anything)
del A.__getattr__
try:
    b.anything
except AttributeError as e:
    print("AttributeError:", e)
del A.__repr__
print(repr(b).startswith("<__main__.B object at"))
A.__doc__ = "docs"
A.__module__ = "elsewhere"
print(A.__doc__, A.__module__, B.__doc__)


def new(cls, *args):
    obj = object.__new__(cls)
    obj.args = args
    return obj


B.__new__ = new
print(B(1, 2).args)


class Prop:
    pass


Prop.value = property(lambda self: 42)
p = Prop()
print(p.value)
try:
    p.value = 1
except AttributeError as e:
    print("AttributeError:", e)


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(2), Version.__hash__)


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int


@dataclasses.dataclass(order=True)
class Item:
    key: int


print(repr(Point(1, 2)), hash(Point(1, 2)) == hash(Point(1, 2)), Point(1, 2) == Point(1, 2),
      Item(1) < Item(2), Item.__hash__)
