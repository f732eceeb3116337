# C.__bases__ = (...): the mro of C and of its subclasses is recomputed, attribute lookups cached
# before see the new bases, and CPython's checks refuse bad tuples.


class A:
    def hello(self):
        return "A.hello"

    val = "A.val"


class B:
    def hello(self):
        return "B.hello"

    val = "B.val"


class C(A):
    pass


class D(C):
    pass


def probe(o):
    return o.hello(), o.val


c, d = C(), D()
for _ in range(3):
    print(probe(c), probe(d))
C.__bases__ = (B,)
print(C.__bases__, C.__mro__)
print(D.__mro__)
for _ in range(3):
    print(probe(c), probe(d))
print(isinstance(c, A), isinstance(c, B), issubclass(D, B), issubclass(D, A))
C.__bases__ = (B, A)
print(C.__mro__, probe(d))
print(A.__subclasses__(), B.__subclasses__())


class S:
    __slots__ = ("a",)


for value in [5, (), (3,), (C,), (D,), (type,), (A, A), (S,), [A]]:
    try:
        C.__bases__ = value
        print("ok", C.__mro__)
    except TypeError as e:
        print(type(e).__name__, e)
print(C.__mro__)
try:
    del C.__bases__
except TypeError as e:
    print(e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print(e)


# An inconsistent mro for a subclass refuses the assignment and leaves every class as it was.
class X:
    pass


class Y(X):
    pass


class Z(X):
    pass


class W(Y, Z):
    pass


try:
    Z.__bases__ = (Y,)
    print("ok", W.__mro__)
except TypeError as e:
    print(type(e).__name__, e)
print(Z.__mro__, W.__mro__)
