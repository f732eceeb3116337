# types, copy, copyreg and weakref from CPython's Lib, unchanged.
import copy
import types
import weakref

print(types.FunctionType, types.GeneratorType, types.CoroutineType.__name__, types.NoneType)
print(types.SimpleNamespace(a=1, b="x"))
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, y=2))
m = types.ModuleType("mymod", "doc")
print(m.__name__, m.__doc__, isinstance(m, types.ModuleType))
print(types.MappingProxyType({"k": 1})["k"])


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


nested = {"pts": [Point(1, 2), Point(3, 4)], "t": (1, [2])}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested["pts"][0].x = 99
print(shallow["pts"][0], deep["pts"][0], deep["t"], deep["t"] is nested["t"])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)


class Cfg:
    def __init__(self):
        self.items = [1]

    def __deepcopy__(self, memo):
        c = Cfg()
        c.items = ["deep"]
        return c


print(copy.deepcopy(Cfg()).items, copy.copy(Cfg()).items)
p = Point(1, 1)
r = weakref.ref(p)
print(r() is p)
del p
print(r())
cache = weakref.WeakValueDictionary()
v = Point(5, 5)
cache["a"] = v
print(list(cache))
del v
print(list(cache))
