# object.__reduce_ex__ for protocol 2 and up as CPython's reduce_newobj: __getnewargs_ex__ (keywords
# make it copyreg.__newobj_ex__), __getnewargs__, their errors; and object.__getstate__ with
# __slots__: (the __dict__ or None, {slot: value}).
import copy
import copyreg
import pickle


class SimpleNewObj(int):
    def __init__(self, *args, **kwargs):
        raise TypeError("__init__ must not be called")

    def __eq__(self, other):
        return int(self) == int(other) and self.__dict__ == other.__dict__


class ComplexNewObj(SimpleNewObj):
    def __getnewargs__(self):
        return ("%X" % self, 16)


class ComplexNewObjEx(SimpleNewObj):
    def __getnewargs_ex__(self):
        return ("%X" % self,), {"base": 16}


class NoKeywords(SimpleNewObj):
    def __getnewargs_ex__(self):
        return (int(self),), {}


for cls in [ComplexNewObj, ComplexNewObjEx, NoKeywords]:
    x = cls.__new__(cls, 0xFACE)
    x.abc = 666
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and type(y) is cls, (cls, proto)
    r = x.__reduce_ex__(2)
    print(cls.__name__, r[0].__name__, r[1], r[2], copy.copy(x) == x)


class Bad(int):
    def __init__(self, value):
        self.value = value


for result in [[(), {}], ((), {}, 1), ([], {}), ((), []), "x"]:
    Bad.__getnewargs_ex__ = lambda self, r=result: r
    try:
        Bad(1).__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
del Bad.__getnewargs_ex__
Bad.__getnewargs__ = lambda self: [1]
try:
    Bad(1).__reduce_ex__(4)
except TypeError as e:
    print("TypeError", e)


class MyList(list):
    pass


class SlotList(MyList):
    __slots__ = ["foo"]


class Both:
    __slots__ = ("a", "b", "__dict__")


class __Private:
    __slots__ = ("__x", "y")


x = SlotList([1, 2, 3])
x.foo = 42
print(x.__getstate__(), x.__reduce_ex__(2)[2])
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    y = pickle.loads(pickle.dumps(x, proto))
    print(proto, y, y.foo, type(y).__name__)
b = Both()
b.a = 1
b.z = 3
print(b.__getstate__(), Both().__getstate__(), copyreg._slotnames(Both))
c = copy.deepcopy(b)
print(c.a, c.z, hasattr(c, "b"))
p = _Private__Private = __Private()
p._Private__x = 5
print(p.__getstate__(), copyreg._slotnames(type(p)))
