# Class attribute lookups are cached per thread (objects/abstract.cpp): every change to a class
# must show at the next lookup, in this thread and in others.
import sys
import threading


class Base:
    def greet(self):
        return "base"

    kind = "plain"


class Child(Base):
    pass


c = Child()
for _ in range(3):
    print(c.greet(), c.kind, Child.kind)

# A method added to the subclass now shadows the base's.
Child.greet = lambda self: "child"
print(c.greet())
# A change to the base shows through a subclass that does not shadow it.
Base.kind = "changed"
print(c.kind, Child.kind)
del Child.greet
print(c.greet())
Base.greet = lambda self: "new base"
print(c.greet())

# An attribute that was missing, then added, then removed.
print(hasattr(c, "extra"), getattr(Child, "extra", None))
Base.extra = 42
print(hasattr(c, "extra"), c.extra)
del Base.extra
print(hasattr(c, "extra"))
try:
    c.extra
except AttributeError as e:
    print("AttributeError:", e)


# The cache holds no references of its own: counts stay CPython's.
class Holder:
    value = [1, 2]


for _ in range(3):
    print(len(Holder.value), sys.getrefcount(Holder.value))
old = Holder.value
Holder.value = [3]
print(sys.getrefcount(old), Holder.value)
del old

# Built-in types: methods found through the cache stay right, and setting fails as in CPython.
d = {"a": 1}
for _ in range(3):
    print(d.get("a"), d.get("b", 0), "x".upper())
try:
    dict.get = None
except TypeError as e:
    print("TypeError:", e)

# Dunder methods changed at run time reach the operators.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)


print((Num(1) + Num(2)).v)
Num.__add__ = lambda self, other: Num(self.v * 10 + other.v)
print((Num(1) + Num(2)).v)


# A change made by another thread shows in this one, and one made here shows in the other.
class Shared:
    state = "before"


seen = []
ready = threading.Event()
go = threading.Event()


def worker():
    seen.append(Shared.state)
    ready.set()
    go.wait()
    seen.append(Shared.state)
    Shared.state = "set by worker"


t = threading.Thread(target=worker)
t.start()
ready.wait()
print(Shared.state)
Shared.state = "set by main"
go.set()
t.join()
print(seen, Shared.state)
