# classes changed after creation: properties and dunders added later reach instances and subclasses; user descriptors.
class A:
    def __init__(self): self.v = 1
class B(A): pass
b = B()
print(b.v)
A.v = property(lambda self: "prop wins")
print(b.v)
try:
    B()  # __init__'s `self.v = 1` now meets the property, which has no setter
except AttributeError as e:
    print("AttributeError:", e)
A.__len__ = lambda self: 42
print(len(b))
A.__add__ = lambda self, o: "added " + str(o)
print(b + 1)
del A.v
print(b.v)
class Desc:
    def __get__(self, obj, owner): return ("get", owner.__name__, obj is None)
    def __set__(self, obj, value): print("set", value)
class C:
    d = Desc()
c = C(); c.d = 5; print(c.d, C.d)
