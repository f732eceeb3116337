# Private name mangling: inside a class, `__x` (not `__x__`) is `_Class__x` in names, attributes,
# parameters, imports, annotations and nested functions, classes and comprehensions.
class Account:
    __count = 0          # stored as _Account__count
    __ann: int = 5

    def __init__(self, owner, *, __limit=10):
        self.__owner = owner
        self.__limit = __limit
        Account.__count += 1

    def __secret(self):
        return "secret of " + self.__owner

    def reveal(self):
        return self.__secret()

    def nested(self):
        def inner():
            return self.__owner.upper()
        return inner()

    def comprehension(self):
        return [__x * 2 for __x in range(3)]

    def lam(self):
        return (lambda __y=self.__limit: __y + 1)()

    def dunder(self):
        return self.__class__.__name__, self.__dict__ is vars(self)

    class __Inner:
        def get(self):
            return self.__value
        def set(self, v):
            self.__value = v

    def inner_class(self):
        i = self.__Inner()
        i.set(3)
        return i.get(), sorted(k for k in vars(i))

a = Account("ann")
print(sorted(k for k in vars(a)))
print(sorted(k for k in vars(Account) if "__" in k and not k.endswith("__")))
print(a.reveal(), a.nested(), a.comprehension(), a.lam(), a.dunder())
print(a.inner_class())
print(Account._Account__count, a._Account__owner, Account.__annotations__)
print(Account.__init__.__kwdefaults__, Account.__init__.__code__.co_varnames)
print(Account._Account__Inner.__name__, Account._Account__Inner.__qualname__)
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)

# class names of underscores only do not mangle; leading underscores of the class name are stripped
class _Under:
    def m(self):
        self.__v = 1
        return sorted(vars(self))
class ___:
    def m(self):
        self.__v = 1
        return sorted(vars(self))
print(_Under().m(), ___().m())

# globals and keyword arguments
__hidden = "module level"
class UsesGlobal:
    def get(self):
        try:
            return __hidden
        except NameError as e:
            return "NameError: " + str(e)
    def call(self, **kw):
        return kw
    def kwarg(self):
        return self.call(__k=1)
print(UsesGlobal().get(), UsesGlobal().kwarg())
_UsesGlobal__hidden = "mangled global"
print(UsesGlobal().get())

# getattr/setattr with strings are not mangled
class Dyn:
    def __init__(self):
        setattr(self, "__raw", 1)
        self.__m = 2
print(sorted(vars(Dyn())))

# imports inside a class
class Imp:
    import __future__ as __fut
    from sys import maxsize as __max
    def get(self):
        return self.__fut.__name__, self.__max > 0
print(Imp().get(), sorted(k for k in vars(Imp) if k.startswith("_Imp")))

# a subclass does not see its base's private names
class Base:
    def __init__(self):
        self.__x = "base"
class Child(Base):
    def __init__(self):
        super().__init__()
        self.__x = "child"
print(sorted(vars(Child()).items()))

# match captures, walrus, del, nonlocal and lambda defaults mangle too; class-pattern keywords do not
class K:
    def f(self):
        match (1, 2):
            case (__a, __b):
                pass
        if (__w := 5):
            pass
        __d = 1
        del __d
        return __a, __b, __w, sorted(locals())
    def g(self):
        __n = 1
        def h():
            nonlocal __n
            __n += 1
            return __n
        return h(), h.__code__.co_freevars
    class __Meta(type):
        pass
    def k(self):
        return [(lambda __q=1: __q)() for _ in range(1)]
    def m(self, obj):
        match obj:
            case K(__attr=1):
                return "attr"
            case _:
                return "no"
    __attr = 1
print(K().f(), K().g(), K().k(), K().m(K()))
print([n for n in vars(K) if n.startswith("_K")])
