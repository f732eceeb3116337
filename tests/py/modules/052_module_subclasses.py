# types.ModuleType can be subclassed, as in CPython: module.__init__ fills the dict (__name__, __doc__,
# __package__, __loader__, __spec__), instance attributes live in the module dict, a subclass's
# __getattr__/__getattribute__/__setattr__ apply, and such modules import like any other.
import sys
import types

MT = type(sys)
log = []


class MM(MT):
    def __init__(self, name):
        MT.__init__(self, name)

    def __getattribute__(self, name):
        log.append(("getattr", name))
        return MT.__getattribute__(self, name)

    def __setattr__(self, name, value):
        log.append(("setattr", name, value))
        MT.__setattr__(self, name, value)

    def __delattr__(self, name):
        log.append(("delattr", name))
        MT.__delattr__(self, name)


a = MM("a")
a.foo = 12
x = a.foo
del a.foo
print(log)
print(sorted(MT("m", "d").__dict__.items()))


class Plain(types.ModuleType):
    attr = 5


p = Plain("pname", "pdoc")
p.x = 1
print(p.__name__, p.__doc__, p.x, p.attr, sorted(p.__dict__), repr(p))
sys.modules["pmod"] = p
from pmod import x
print(x, isinstance(p, types.ModuleType), type(p).__name__)
try:
    class Bad(types.ModuleType, str):
        pass
except TypeError as e:
    print("TypeError:", e)
for args in [(1,), ("n", "d", 3)]:
    try:
        MT(*args)
    except TypeError as e:
        print("TypeError:", e)


class Lazy(types.ModuleType):
    def __getattr__(self, name):
        return "lazy " + name


print(Lazy("l").anything, Lazy("l").__name__)
m = types.ModuleType("cls")
m.__class__ = Lazy
print(m.something, type(m).__name__)


class NoInit(types.ModuleType):
    def __init__(self):
        pass


n = NoInit()
print(n.__dict__, hasattr(n, "__name__"))
