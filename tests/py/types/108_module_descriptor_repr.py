# repr() of modules as importlib's _module_repr gives it (from __spec__, then the loader's
# module_repr(), then __name__ with __file__ or the loader), and of staticmethod/classmethod objects
# as CPython 3.10+ (the wrapped callable shown).
import json
import math
import re
import sys
import types


def clean(text):
    return re.sub(r"0x[0-9a-f]+", "0x..", text)


print(repr(sys), repr(math), repr(json).startswith("<module 'json' from '/"), repr(json).endswith("__init__.py'>"))
m = types.ModuleType("m")
print(repr(m))
del m.__name__
print(repr(m))
m.__file__ = "/tmp/m.py"
print(repr(m))


class BareLoader:
    pass


class FullLoader:
    @classmethod
    def module_repr(cls, module):
        return "<module '{}' (crafted)>".format(module.__name__)


class BrokenLoader:
    def module_repr(self, module):
        raise ValueError("no repr")


for loader in (BareLoader, FullLoader, BrokenLoader()):
    m = types.ModuleType("foo")
    m.__loader__ = loader
    print(clean(repr(m)))
    m.__file__ = "/tmp/foo.py"
    print(clean(repr(m)))


class Spec:
    def __init__(self, name, origin, loader=None, has_location=False):
        self.name, self.origin, self.loader, self.has_location = name, origin, loader, has_location


for spec in (Spec("s", None), Spec(None, None, BareLoader), Spec("s", "frozen"), Spec("s", "/x/s.py", None, True)):
    m = types.ModuleType("ignored")
    m.__spec__ = spec
    print(clean(repr(m)))


class C:
    @staticmethod
    def f():
        pass

    @classmethod
    def g(cls):
        pass


class MyStatic(staticmethod):
    pass


print(clean(repr(C.__dict__["f"])), clean(repr(C.__dict__["g"])))
print(staticmethod(1), classmethod(2), staticmethod(None), MyStatic(len))
