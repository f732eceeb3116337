# Annotations (functions, classes, modules), frames and tracebacks as objects, weak references,
# metaclass __instancecheck__, subclasses of classmethod/property, __class_getitem__, dunders of
# built-in types used through super().
import sys

x: int = 1
y: "later"
print(__annotations__)


def f(a: int, *args: str, b: float = 1.0, **kw: bool) -> list:
    pass


print(f.__annotations__)


class C:
    n: int
    m: str = "x"


print(C.__annotations__, C.m)


def where():
    frame = sys._getframe()
    caller = sys._getframe(1)
    # minipy's frame objects are snapshots: f_lineno is the line where the frame object was made.
    return caller.f_globals["__name__"], sys._getframe().f_lineno, frame.f_back is not None


print(where())
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_globals is globals(), tb.tb_next)
    print(e.with_traceback(None).__traceback__)


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"

    def __subclasscheck__(cls, sub):
        return sub is bool


class Anything(metaclass=Meta):
    pass


print(isinstance("magic", Anything), isinstance(3, Anything), issubclass(bool, Anything), issubclass(int, Anything))


class tagged(classmethod):
    tag = "t"


class K:
    @tagged
    def make(cls):
        return cls.__name__

    @property
    def p(self):
        return 7


print(K.make(), K.__dict__["make"].tag, K().p, C.__subclasses__(), object.__subclasshook__(int))


class Base:
    def __init__(self):
        object.__setattr__(self, "v", 1)


print(Base().v, int.__index__(5), (2.5).__floor__(), (2.5).__ceil__(), (7).__float__())
