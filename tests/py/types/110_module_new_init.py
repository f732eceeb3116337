# module.__new__ makes a nameless module with an empty __dict__ that __init__ names later (and
# __init__ again keeps the dict); a module's methods are bound (m.__init__, m.__dir__); a nameless
# module's AttributeError says "module has no attribute".
import re
import types


def clean(text):
    return re.sub(r"0x[0-9a-f]+", "0x..", text)


try:
    types.ModuleType()
except TypeError as e:
    print(e)
m = types.ModuleType.__new__(types.ModuleType)
print(m.__dict__, dir(m), m.__doc__ == types.ModuleType.__doc__, repr(m))
try:
    m.x
except AttributeError as e:
    print(e)
m.__init__("zz")
print(m, sorted(m.__dict__))
m.bar = 42
d = m.__dict__
m.__init__("zz", "doc")
print(m.__dict__ is d, m.bar, m.__doc__)
print(clean(repr(types.ModuleType("q").__init__)), clean(repr(types.ModuleType("q").__dir__)))
print(types.ModuleType("q").__dir__())


class M(types.ModuleType):
    def __init__(self, name):
        super().__init__(name)
        self.extra = 1


class N(types.ModuleType):
    pass


print(M("mm"), M("mm").extra, N("nn"), N.__new__(N).__dict__, type(N.__new__(N)).__name__)
