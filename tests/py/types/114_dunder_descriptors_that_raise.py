# A special method found on the class whose binding raises (a property whose getter raises), as
# CPython's slot functions take it: a comparison answers NotImplemented whatever was raised (so ==
# falls back to identity and < is unsupported), hash() calls the object unhashable, repr() gives the
# default text; len() and str() raise what the getter raised (test_class's
# testForExceptionsRaisedInInstanceGetattr2).


def booh(self):
    raise AttributeError("booh")


def bad_value(self):
    raise ValueError("not this one")


class E:
    __eq__ = property(booh)


class V:
    __eq__ = property(bad_value)
    __lt__ = property(bad_value)


e = E()
print(E() == E(), E() != E(), e == e, e != e, V() == V(), V() != V())
for a, b in ((V(), V()), (E(), 1), (1, V())):
    try:
        a < b
    except TypeError as exc:
        print("TypeError:", exc)


class Good:
    def __init__(self, n):
        self.n = n

    __eq__ = property(lambda self: lambda other: self.n == other.n)


print(Good(1) == Good(1), Good(1) == Good(2), Good(1) != Good(2))


class H:
    __hash__ = property(booh)


class R:
    __repr__ = property(booh)


class L:
    __len__ = property(booh)


class S:
    __str__ = property(bad_value)


for make in (lambda: hash(H()), lambda: repr(R())[:13], lambda: len(L()), lambda: str(S()), lambda: {H(): 1}):
    try:
        print(make())
    except Exception as exc:
        print(type(exc).__name__, exc)


class A:
    a = property(booh)


try:
    A().a
except AttributeError as exc:
    print("AttributeError:", exc)
