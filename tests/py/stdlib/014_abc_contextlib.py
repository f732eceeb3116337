# abc (on the native _abc) and contextlib from CPython's Lib, unchanged.
import abc
import contextlib
from collections.abc import Iterable, Mapping, Sequence, Sized


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    def name(self): ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print(e)
sq = Square(3)
print(sq.area(), sq.name, isinstance(sq, Shape), sorted(Shape.__abstractmethods__))


class Duck:
    def __len__(self):
        return 0


print(isinstance(Duck(), Sized), isinstance([], Sequence), isinstance({}, Mapping), isinstance(3, Iterable))
Shape.register(int)
print(issubclass(int, Shape), isinstance(5, Shape))


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print(t)
with contextlib.suppress(KeyError):
    {}["missing"]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
try:
    with tag("err"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


buf = Collect()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(buf.parts)
with contextlib.nullcontext(42) as v:
    print(v)
