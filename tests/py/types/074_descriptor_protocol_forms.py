# The descriptor protocol as CPython runs it for classes: __get__/__set__/__delete__/__set_name__
# may be any object a class defines (not only a function), a class with only __delete__ is a data
# descriptor, staticmethod/classmethod have a __dict__, and super(C) is an unbound super object.


class Callable:
    def __init__(self, tag):
        self.tag = tag

    def __call__(self, *args):
        return (self.tag, len(args))


class GetIsCallable:
    __get__ = Callable("get")


class GetIsStatic:
    @staticmethod
    def __get__(*args):
        return ("static get", len(args))


class GetIsBuiltin:
    __get__ = max  # called unbound with (descriptor, instance, owner)


class Owner:
    a = GetIsCallable()
    b = GetIsStatic()


print(Owner().a, Owner.a)
print(Owner().b)
try:
    class O2:
        c = GetIsBuiltin()
    print(O2().c)
except TypeError as e:
    print("TypeError:", e)


# __set__ bound as a special method: a staticmethod gets no descriptor argument.
class SetStatic:
    @staticmethod
    def __set__(obj, value):
        print("static set", type(obj).__name__, value)

    def __get__(self, obj, owner=None):
        return "got"


class DeleteOnly:
    def __delete__(self, obj):
        print("delete on", type(obj).__name__)


class Holder:
    s = SetStatic()
    d = DeleteOnly()


h = Holder()
h.s = 5
print(h.s)
del h.d
h.__dict__["d"] = "instance value"
print(h.d)  # a data descriptor (only __delete__) wins over the instance dict
try:
    h.d = 1
except AttributeError as e:
    print("AttributeError:", e)


# __set_name__ given by a callable object, bound like a special method.
class Namer:
    def __init__(self):
        self.calls = []

    def __call__(self, owner, name):
        print("set_name", owner.__name__, name)


class NamedDescr:
    __set_name__ = staticmethod(lambda owner, name: print("static set_name", owner.__name__, name))


class Uses:
    x = NamedDescr()


# staticmethod and classmethod carry a __dict__ with the wrapped function's attributes.
def f(a: int, b: str = "") -> None:
    "the doc"


sm, cm = staticmethod(f), classmethod(f)
print(sorted(sm.__dict__.items()))
print(cm.__name__, cm.__qualname__, cm.__doc__, cm.__module__)
cm.extra = 1
print(cm.extra, "extra" in cm.__dict__)
del cm.extra
try:
    del cm.extra
except AttributeError as e:
    print("AttributeError:", e)
try:
    sm.__func__ = len
except AttributeError as e:
    print("AttributeError:", e)
print(staticmethod(len).__dict__)
print(classmethod(lambda c: c).__name__)


# super(C): unbound until read through an instance.
class Base:
    def hello(self):
        return "Base.hello for " + type(self).__name__


class Derived(Base):
    def hello(self):
        return "Derived, then " + self.__sup.hello()


Derived._Derived__sup = super(Derived)
print(Derived().hello())
u = super(Derived)
print(repr(u))
print(u.__thisclass__.__name__, u.__self__, u.__self_class__)
bound = u.__get__(Derived())
print(bound.hello(), bound.__self_class__.__name__)
print(u.__get__(None, Derived) is u)
try:
    super(Derived).hello
except AttributeError as e:
    print("AttributeError:", e)


# A function or class declared global inside a function is named as if defined at the top level.
def make():
    global Made, made_fn

    class Made:
        def method(self):
            pass

    def made_fn():
        def inner():
            pass
        return inner

    class Local:
        pass
    return Local


print(make().__qualname__, Made.__qualname__, Made.method.__qualname__)
print(made_fn.__qualname__, made_fn().__qualname__)
