# Plain fields of built-in types and __slots__ names are described by one type, member_descriptor
# (types.MemberDescriptorType), as in CPython; computed attributes by getset_descriptor.
import inspect
import types


class S:
    __slots__ = {"power": "the power", "x": None, "__priv": "private"}


print(type(S.power) is types.MemberDescriptorType, type(S.power).__name__)
print(S.power.__doc__, S.x.__doc__, S._S__priv.__doc__)
print(inspect.ismemberdescriptor(S.power), inspect.isgetsetdescriptor(S.power))
print(inspect.getdoc(S.power))
print(S.power.__qualname__, S.power.__name__, S.power.__objclass__.__name__)
print(repr(S.power))


class L:
    __slots__ = ["a"]


print(L.a.__doc__, type(L.a).__name__, L.a.__qualname__)
s = L()
L.a.__set__(s, 5)
print(L.a.__get__(s), s.a)

# A plain field of a built-in type.
d = complex.__dict__["real"]
print(type(d) is type(S.power), repr(d), d.__qualname__, d.__name__)
print(inspect.ismemberdescriptor(d), inspect.isdatadescriptor(d), inspect.isgetsetdescriptor(d))
print(d.__get__(3 + 4j), d.__get__(None, complex) is d)
try:
    d.__set__(1j, 5)
except AttributeError as e:
    print("AttributeError", e)
try:
    d.__get__(1.5)
except TypeError as e:
    print("TypeError", e)

# Computed attributes stay getset descriptors.
g = types.FunctionType.__dict__["__code__"]
print(type(g).__name__, inspect.isgetsetdescriptor(g), inspect.ismemberdescriptor(g), g.__qualname__)
print(types.MemberDescriptorType.__name__, types.GetSetDescriptorType.__name__)

# Writable fields, also through a subclass.
e = StopIteration.__dict__["value"]
print(type(e) is types.MemberDescriptorType, e.__get__(StopIteration(7)))
stop = StopIteration(1)
e.__set__(stop, 9)
print(stop.value)


class MyStop(StopIteration):
    pass


m = MyStop(2)
m.value = 3
print(m.value, e.__get__(m))
print(inspect.getdoc(d) is None or isinstance(inspect.getdoc(d), str))
print(sorted(k for k, v in vars(S).items() if inspect.ismemberdescriptor(v)))
