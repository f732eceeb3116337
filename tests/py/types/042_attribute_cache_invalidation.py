# Attribute lookups the interpreter speeds up (cached method and class-attribute loads, calls of
# bound methods, __init__ run inline by a class call) must see every change made after a first
# lookup: each case reads the same attribute in a loop from one instruction, then changes it.


class Base:
    kind = "base"

    def greet(self):
        return "Base.greet"


class Child(Base):
    def __init__(self, n):
        self.n = n


def read_kind(o):
    return o.kind


def call_greet(o):
    return o.greet()


c = Child(1)
print([read_kind(c) for _ in range(3)], [call_greet(c) for _ in range(3)])

# A class attribute changed on the base after it was read through the subclass.
Base.kind = "changed"
print(read_kind(c))
Child.kind = "child"
print(read_kind(c))
del Child.kind
print(read_kind(c))

# A method replaced on the class, on the base, then shadowed by the instance dict.
Base.greet = lambda self: "new Base.greet"
print(call_greet(c))
Child.greet = lambda self: "Child.greet"
print(call_greet(c))
c.greet = lambda: "instance greet"
print(call_greet(c), call_greet(Child(2)))
del c.greet
print(call_greet(c))
del Child.greet
print(call_greet(c))

# An instance attribute that shadows a class attribute, then goes away again.
c.kind = "own"
print(read_kind(c), read_kind(Child(3)))
del c.kind
print(read_kind(c))


# A data descriptor added to the class later wins over the instance dict.
class Later:
    def __init__(self):
        self.x = "instance x"


def read_x(o):
    return o.x


later = Later()
print(read_x(later))
Later.x = property(lambda self: "property x")
print(read_x(later))
del Later.x
print(read_x(later))


# A metaclass that intercepts class attribute assignment still changes what instances see.
class Meta(type):
    def __setattr__(cls, name, value):
        super().__setattr__(name, "meta:" + value)


class WithMeta(metaclass=Meta):
    label = "plain"


w = WithMeta()
print([w.label for _ in range(2)])
WithMeta.label = "set"
print(w.label)


# Slots: cached slot reads see new values and deletion.
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def read_a(o):
    return o.a


s = Slotted(1)
print([read_a(s) for _ in range(3)])
s.a = 2
print(read_a(s))
del s.a
try:
    read_a(s)
except AttributeError as e:
    print("AttributeError:", e)


# __init__ replaced on the class, an __init__ that returns a value, a __new__ added later, and a
# method called through a bound method kept in a variable, a classmethod and super().
class Point:
    def __init__(self, x):
        self.x = x


def make(x):
    return Point(x)


print([make(i).x for i in range(3)])


def new_init(self, x, y=10):
    self.x = x + y


Point.__init__ = new_init
print(make(1).x)
Point.__init__ = lambda self, x: 5
try:
    make(2)
except TypeError as e:
    print("TypeError:", e)
del Point.__init__
try:
    make(3)
except TypeError as e:
    print("TypeError:", e)


class Counted:
    made = 0

    def __new__(cls, *args):
        Counted.made += 1
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(Counted(7).v, Counted.made)


class PointBase:
    def __init__(self, x):
        self.x = x


class Sub(PointBase):
    def __init__(self, x):
        super().__init__(x)
        self.sub = True

    @classmethod
    def build(cls, x):
        return cls(x * 2)


sub = Sub.build(4)
print(type(sub).__name__, sub.sub, getattr(sub, "x", "no x"))
bound = sub.__init__
for i in range(3):
    bound(i)
print(sub.sub)
try:
    Sub()
except TypeError as e:
    print("TypeError:", e)
try:
    Sub(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class Failing:
    def __init__(self, v):
        raise ValueError("bad %r" % v)


for v in range(2):
    try:
        Failing(v)
    except ValueError as e:
        print("ValueError:", e)


# An __init__ whose self lives in a cell (a closure captures it): the call still returns the instance.
class Captures:
    def __init__(self, v):
        self.v = v
        self.get = lambda: self.v


print([Captures(i).get() for i in range(3)])


class UsesSuper(Captures):
    def __init__(self, v):
        super().__init__(v * 10)
        self.check = lambda: self is not None


made = UsesSuper(2)
print(made.get(), made.check())
