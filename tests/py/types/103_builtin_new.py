# Built-in types that construct their instances have __new__ in their own dict, as CPython's, so
# copyreg's __newobj__ (cls.__new__(cls, *args)) rebuilds instances of their subclasses; types only
# their module makes have none and refuse T().
import _thread
import collections
import copy
import io
import pickle
import re
import struct
import types

for t in [complex, range, slice, memoryview, property, classmethod, staticmethod, super, types.MappingProxyType,
          types.MethodType, types.ModuleType, types.SimpleNamespace, types.EllipsisType, types.NoneType,
          io.BytesIO, io.StringIO, io.FileIO, io.TextIOWrapper, struct.Struct, collections.deque, re.Match,
          re.Pattern, type(iter([])), types.GeneratorType, object, int, _thread.RLock]:
    print(t.__name__, "__new__" in t.__dict__)

print(complex.__new__ is complex.__dict__["__new__"], complex.__new__.__self__, complex.__new__.__qualname__)


class MyComplex(complex):
    pass


class MyBytesIO(io.BytesIO):
    pass


c = MyComplex(1 + 2j)
c.foo = 42
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(c, proto))
    assert type(back) is MyComplex and back == c and back.foo == 42
print(complex.__new__(MyComplex, 3, 4), type(complex.__new__(MyComplex, 3)).__name__)
print(range.__new__(range, 5), slice.__new__(slice, 1, 2), property.__new__(property).fget)
print(types.SimpleNamespace.__new__(types.SimpleNamespace))
print(io.BytesIO.__new__(MyBytesIO).__class__.__name__, copy.deepcopy(c), copy.copy(c).foo)
for bad in [lambda: complex.__new__(int), lambda: complex.__new__(MyBytesIO), lambda: range.__new__(MyComplex),
            lambda: complex.__new__(), lambda: re.Match(), lambda: type(re.compile("a").scanner("a"))(),
            lambda: object.__new__(MyComplex)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


# Sets pickle by __reduce__: (type, (items,), state), a subclass's attributes in the state.
class MySet(set):
    pass


class MyFrozenSet(frozenset):
    pass


s = MySet([1])
s.me = s
print(set([2, 1]).__reduce__(), frozenset([3]).__reduce__(), MyFrozenSet([4]).__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(s, proto))
    assert type(back) is MySet and back.me is back and back == {1}
    assert type(pickle.loads(pickle.dumps(MyFrozenSet([5]), proto))) is MyFrozenSet
print(type(copy.deepcopy(s)).__name__, copy.deepcopy(s).me.me == {1})
