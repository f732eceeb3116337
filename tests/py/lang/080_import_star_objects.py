# from X import * where X is not a module (sys.modules may hold any object): the public keys of its
# __dict__, read as attributes; CPython's ImportError without __dict__ or __all__, and its TypeErrors
# for names in __all__ or keys of a module's __dict__ that are not str.
import sys, types
class Namespace:
    a = 1
    _hidden = 2
    def f(self): return "f"
sys.modules['fake_ns'] = Namespace
from fake_ns import *
print(a, f(Namespace()), '_hidden' in dir())
sys.modules['fake_obj'] = 42
try:
    exec("from fake_obj import *", {})
except ImportError as e:
    print(type(e).__name__, e)
m = types.ModuleType("bad")
m.__all__ = ["x", 3]
m.x = 1
sys.modules['bad'] = m
try:
    exec("from bad import *", {})
except TypeError as e:
    print(e)
m2 = types.ModuleType("bad2")
m2.__dict__[5] = 1
sys.modules['bad2'] = m2
try:
    exec("from bad2 import *", {})
except TypeError as e:
    print(e)
class WithAll:
    __all__ = ["b"]
    b = "bee"
sys.modules['withall'] = WithAll
from withall import *
print(b)
