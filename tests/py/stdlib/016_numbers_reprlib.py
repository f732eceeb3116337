# numbers (the numeric tower ABCs) and reprlib from CPython's Lib, unchanged.
import numbers
import reprlib

print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex),
      isinstance(1.5, numbers.Integral), issubclass(bool, numbers.Number), isinstance("1", numbers.Number))


class Meters(numbers.Real):
    def __init__(self, v): self.v = float(v)
    def __float__(self): return self.v
    def __repr__(self): return f"Meters({self.v})"
    __add__ = __radd__ = lambda s, o: Meters(s.v + float(o))
    __neg__ = lambda s: Meters(-s.v)
    __lt__ = lambda s, o: s.v < float(o)
    __le__ = lambda s, o: s.v <= float(o)
    __eq__ = lambda s, o: s.v == float(o)
    __hash__ = lambda s: hash(s.v)
    __trunc__ = __floor__ = __ceil__ = lambda s, *a: int(s.v)
    __round__ = lambda s, n=None: round(s.v, n)
    __abs__ = lambda s: Meters(abs(s.v))
    __pos__ = lambda s: s
    __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __pow__ = __rpow__ = lambda s, o: NotImplemented
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = lambda s, o: NotImplemented


m = Meters(2)
print(m + 3, 1 + m, -m, m.real, m.imag, m.conjugate(), complex(m), isinstance(m, numbers.Complex))
try:
    numbers.Integral()
except TypeError as e:
    print(e)
r = reprlib.Repr()
r.maxlist = 3
print(r.repr(list(range(10))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(3))), reprlib.repr(tuple(range(20))), reprlib.repr(10 ** 50))


class Node:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.children})"


print(Node())
