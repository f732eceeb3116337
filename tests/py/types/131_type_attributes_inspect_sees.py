# What inspect.classify_class_attrs and pydoc read off types: object's own `__class__` descriptor,
# a class's __name__/__qualname__ as one object, built-in types among their base's __subclasses__(),
# the member and getset descriptors of range and memoryview, a GenericAlias's own attributes under
# object.__getattribute__, and a union's __module__.
import inspect
import types

d = object.__dict__["__class__"]
print(type(d).__name__, d.__objclass__, d.__doc__, d.__name__)


class A:
    pass


class B:
    pass


a = A()
print(d.__get__(a, A), d.__get__(A, type), d.__get__(None, A) is d)
d.__set__(a, B)
print(type(a).__name__)
a.__class__ = A
print(type(a).__name__, a.__class__.__name__, "__class__" in vars(a) if hasattr(a, "__dict__") else None)
for bad in (lambda: d.__delete__(a), lambda: d.__set__(a, int), lambda: d.__set__(1, bool),
            lambda: d.__get__(1.5), lambda: setattr(A, "__class__", int)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(A.__class__, type.__class__, A().__class__.__name__)


class Claims:
    __class__ = property(lambda self: int)


print(Claims().__class__, type(Claims()).__name__, isinstance(Claims(), int), Claims.__class__)
print("__class__" in dir(object()), "__class__" in dir(A), sorted(vars(object))[:2])
print([(x.name, x.defining_class.__name__) for x in inspect.classify_class_attrs(A)
       if x.name in ("__class__", "__name__", "__dict__")])


class Meta(type):
    def __dir__(cls):
        return ["__class__", "__module__", "__name__", "LIFE"]

    def __getattr__(cls, name):
        if name == "LIFE":
            return 42
        raise AttributeError(name)


class WithMeta(metaclass=Meta):
    pass


print(sorted((x.name, x.kind, x.defining_class.__name__) for x in inspect.classify_class_attrs(WithMeta)))

# __name__ and __qualname__ are the objects given, read back as the same object each time.
class LongClassName:
    pass


print(LongClassName.__name__ is LongClassName.__name__, LongClassName.__qualname__ is LongClassName.__qualname__)
LongClassName.__name__ = "Renamed"
LongClassName.__qualname__ = "Outer.Renamed"
print(LongClassName, LongClassName.__name__ is LongClassName.__name__, repr(LongClassName()).split(" object")[0])
for value in (3, "a\0b"):
    try:
        LongClassName.__name__ = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    LongClassName.__qualname__ = 3
except TypeError as e:
    print("TypeError:", e)
print(type("T", (), {"__qualname__": "X.Y"}).__qualname__)

# Built-in types are their base's subclasses.
print(sorted(c.__name__ for c in ArithmeticError.__subclasses__()))
print(bool in int.__subclasses__(), KeyError in LookupError.__subclasses__(), int in object.__subclasses__())

# range's members, memoryview's getsets.
print(range.start, range.stop.__get__(range(3)), memoryview.obj, memoryview.suboffsets.__get__(memoryview(b"ab")))
r = range(1, 10, 2)
print(r.start, r.stop, r.step)
try:
    r.start = 3
except AttributeError as e:
    print("AttributeError:", e)
m = memoryview(b"abc")
print(m.obj, m.nbytes, m.shape, m.suboffsets, m.readonly, m.c_contiguous)
try:
    m.nbytes = 3
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in vars(memoryview) if not k.startswith("_") and not callable(getattr(memoryview, k))))

# A GenericAlias forwards attributes to its origin, except under object.__getattribute__.
alias = list[int]
print(alias.__doc__.splitlines()[0], "|", object.__getattribute__(alias, "__doc__").splitlines()[0])
print(object.__getattribute__(alias, "__origin__"), object.__getattribute__(alias, "__args__"))
try:
    object.__getattribute__(alias, "append")
except AttributeError as e:
    print("AttributeError:", e)
print(alias.append)
print(types.GenericAlias.__doc__)
print(types.UnionType.__doc__)
print((int | str).__module__, inspect.getmodule(int | str).__name__)
