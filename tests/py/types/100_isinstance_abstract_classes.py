# isinstance and issubclass as CPython's PyObject_IsInstance/IsSubclass: tuples and unions, an
# object's type's __instancecheck__/__subclasscheck__ (looked up on the type, not the object), and
# "abstract" classes, objects that are no types but have a __bases__ tuple.
import sys


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    @property
    def __bases__(self):
        return self.bases


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    @property
    def __class__(self):
        return self.klass


A = AbstractClass(())
B = AbstractClass((A,))
C = AbstractClass((B, AbstractClass(())))
print(issubclass(B, A), issubclass(C, A), issubclass(A, C), issubclass(C, (int, A)))
print(isinstance(AbstractInstance(C), A), isinstance(AbstractInstance(A), B))
print(isinstance(AbstractInstance(C), (str, B)), isinstance(3, (A, int | str)))


class Raises:
    @property
    def __bases__(self):
        raise RuntimeError("bases")


class NoBases:
    pass


for f, args in [(isinstance, (1, NoBases())), (issubclass, (NoBases(), int)), (issubclass, (int, NoBases())),
                (issubclass, (int, Raises())), (isinstance, (1, Raises())), (issubclass, (1, int)),
                (isinstance, (1, list[int])), (issubclass, (list, list[int])), (isinstance, (1, (int, list[int])))]:
    try:
        print(f.__name__, f(*args))
    except (TypeError, RuntimeError) as e:
        print(f.__name__, type(e).__name__, e)


class Cycle:
    @property
    def __bases__(self):
        return (self, self)


try:
    issubclass(Cycle(), int)
except RecursionError as e:
    print("RecursionError", e)

nested = (int,)
for _ in range(sys.getrecursionlimit() + 5):
    nested = (nested,)
for f, arg in [(isinstance, 1), (issubclass, bool)]:
    try:
        f(arg, nested)
    except RecursionError as e:
        print(f.__name__, "RecursionError", e)


# __instancecheck__ defined on a class is used for its instances; one set on the instance is not.
class Checker:
    def __instancecheck__(self, o):
        return o == "yes"

    def __subclasscheck__(self, c):
        return c is bool


ch = Checker()
ch.__instancecheck__ = lambda o: True
print(isinstance("yes", ch), isinstance("no", ch), issubclass(bool, ch), issubclass(int, ch))
print(isinstance(1, (Checker(), int)), issubclass(bool, (Checker(),)))


class Meta(type):
    def __instancecheck__(cls, o):
        return o == 42

    def __subclasscheck__(cls, c):
        return c is float


class M(metaclass=Meta):
    pass


print(isinstance(42, M), isinstance(M(), M), issubclass(float, M), issubclass(M, M))
print(type.__instancecheck__(M, M()), type.__subclasscheck__(M, M), type.__subclasscheck__(int, B), type.__instancecheck__(int, AbstractInstance(int)))
match 42:
    case M():
        print("class pattern uses the metaclass check")
