# o.__class__ = B: the object then behaves as a B (its methods, class attributes, properties),
# cached lookups made while it was an A do not survive, and CPython's checks refuse the
# assignments whose types are immutable or whose instances are laid out differently.


class A:
    tag = "A"

    def who(self):
        return "A.who"

    @property
    def prop(self):
        return "A.prop"


class B:
    tag = "B"

    def who(self):
        return "B.who"

    @property
    def prop(self):
        return "B.prop"


def probe(o):
    return o.who(), o.tag, o.prop, type(o).__name__, isinstance(o, A), isinstance(o, B)


a = A()
a.x = 1
for _ in range(3):
    print(probe(a))
a.__class__ = B
for _ in range(3):
    print(probe(a))
print(a.x, a.__dict__)
object.__setattr__(a, "__class__", A)
print(probe(a))
setattr(a, "__class__", B)
print(probe(a))


class S:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a",)


class L(list):
    pass


class L2(list):
    def first(self):
        return self[0]


for target, value in [(a, 3), (a, S), (a, L), (1, A), (object(), A), (S(), A), (L(), A), ([], L), (a, int)]:
    try:
        target.__class__ = value
        print("ok", type(target).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del a.__class__
except TypeError as e:
    print(e)

# Same layout: slots to slots, list subclass to list subclass.
s = S()
s.a = 5
s.__class__ = S2
print(type(s).__name__)
lst = L([7, 8])
lst.__class__ = L2
print(lst.first(), lst, type(lst).__name__)


# A class assignment inside a method: later calls of the same code see the new class.
class Frog:
    def speak(self):
        self.__class__ = Prince
        return "ribbit"


class Prince:
    def speak(self):
        return "hello"


f = Frog()
print([f.speak() for _ in range(3)])
