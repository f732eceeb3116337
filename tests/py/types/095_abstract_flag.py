# __abstractmethods__ refuses instances only when set through the type's __setattr__ (CPython's
# Py_TPFLAGS_IS_ABSTRACT, which abc.ABCMeta sets), not when it is a name in the class body.
import abc


class InBody:
    __abstractmethods__ = frozenset({"f"})


print(type(InBody()).__name__)

InBody.__abstractmethods__ = frozenset({"g", "f"})
try:
    InBody()
except TypeError as e:
    print("TypeError:", e)

InBody.__abstractmethods__ = ()
print(type(InBody()).__name__)
del InBody.__abstractmethods__
try:
    del InBody.__abstractmethods__
except AttributeError as e:
    print("AttributeError:", e)

setattr(InBody, "__abstractmethods__", ["h"])
try:
    InBody()
except TypeError as e:
    print("TypeError:", e)
type.__setattr__(InBody, "__abstractmethods__", set())
print(type(InBody()).__name__)


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...


class Half(Base):
    pass


class Whole(Base):
    def run(self):
        return "ran"


for cls in (Base, Half, Whole):
    try:
        print(cls.__name__, cls().run())
    except TypeError as e:
        print("TypeError:", e)

# abc.update_abstractmethods recomputes the set after the class changes.
Half.run = lambda self: "patched"
abc.update_abstractmethods(Half)
print(Half().run(), sorted(Half.__abstractmethods__))

T = type("T", (), {"__abstractmethods__": frozenset({"x"})})
print(type(T()).__name__)

# inspect.isabstract reads the flag from __flags__ (Py_TPFLAGS_IS_ABSTRACT, 1 << 20).
import inspect

print(inspect.isabstract(Base), inspect.isabstract(Whole), inspect.isabstract(InBody))
print(bool(Base.__flags__ & (1 << 20)), bool(Whole.__flags__ & (1 << 20)))
