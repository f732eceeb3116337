# A class with __slots__ derived from a built-in type whose instances have a __dict__
# (OrderedDict, SimpleNamespace, staticmethod) still has one; OrderedDict's __reduce__ carries
# the state __getstate__ gives, slot values included, so copy and pickle keep them.
import copy
import pickle
import types
from collections import OrderedDict


class S(OrderedDict):
    __slots__ = ("x", "y")


s = S([("c", 1), ("b", 2)])
s.x = ["x"]
s.z = ["z"]
print(s.z, s.__dict__, s.x)
print(s.__getstate__())
r = s.__reduce__()
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
for dup in (s.copy(), copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
    print(type(dup).__name__, list(dup.items()), getattr(dup, "x", "no x"), getattr(dup, "z", "no z"))
print(OrderedDict(a=1).__reduce__()[2])


class T(OrderedDict):
    def __getstate__(self):
        return {"custom": True}


print(T(a=1).__reduce__()[2], pickle.loads(pickle.dumps(T(a=1))).custom)


class N(types.SimpleNamespace):
    __slots__ = ("a",)


n = N(b=2)
n.a = 1
n.c = 3
print(n.a, sorted(vars(n).items()))


class SM(staticmethod):
    __slots__ = ("extra",)


m = SM(len)
m.extra = 1
m.other = 2
print(m.extra, m.other, "__dict__" in dir(m))
