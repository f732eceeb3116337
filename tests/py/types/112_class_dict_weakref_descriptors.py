# A class gets `__dict__` and `__weakref__` descriptors in its own __dict__ where its instances gain
# an attribute dict or weak references that its base's instances lack (CPython's type_new).
import gc, weakref, io, collections, types, _thread, array

class A:
    """doc"""
    x = 1
    def m(self): pass
print(list(A.__dict__))
class B(A): pass
print(list(B.__dict__))
class C:
    __slots__ = ('a',)
print(list(C.__dict__))
class D(C): pass
print(list(D.__dict__))
class W:
    __slots__ = ('__weakref__',)
print(list(W.__dict__))
class DW:
    __slots__ = ('b', '__dict__')
print(list(DW.__dict__))
bases = [object, int, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset,
         Exception, OSError, type, types.ModuleType, property, staticmethod, classmethod,
         io.StringIO, io.BytesIO, weakref.ref, types.SimpleNamespace, array.array,
         collections.deque, collections.defaultdict, collections.OrderedDict, _thread._local]
for b in bases:
    class S(b): pass
    print(b.__name__, '__dict__' in S.__dict__, '__weakref__' in S.__dict__)

print(A.__dict__['__dict__'], A.__dict__['__weakref__'], A.__weakref__)
print(type(A.__dict__['__dict__']).__name__, A.__dict__['__dict__'].__objclass__ is A)
print(A.__dict__['__dict__'].__doc__)
print(A.__dict__['__weakref__'].__doc__)
a = A(); a.y = 2
print(A.__dict__['__dict__'].__get__(a), A.__dict__['__weakref__'].__get__(a), a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r, B().__weakref__)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print(e)
A.__dict__['__dict__'].__set__(a, {"z": 3})
print(a.__dict__, a.z)
try:
    A.__dict__['__dict__'].__get__(5)
except TypeError as e:
    print(e)
print(sorted(k for k in vars(A) if k.startswith('__')))
print(A.__dict__ is not None, type(A.__dict__).__name__, a.__dict__)

def make():
    class Local:
        pass
    return weakref.ref(Local)
r = make()
print(gc.collect() > 0, r())
