# Sequence repetition slots take __index__ objects ([1].__mul__(i)); a subclass on the right gets the
# first try at a comparison even through the same slot; `__eq__ = None` blocks a comparison.
class I:
    def __index__(self): return 2
print([1].__mul__(I()), [1].__rmul__(I()), 'a'.__mul__(I()), b'a'.__mul__(I()), bytearray(b'x').__mul__(I()), (1,).__rmul__(I()))
l = [1]
print(l.__imul__(I()) is l, l)
from abc import ABCMeta
log = []
class B(metaclass=ABCMeta):
    def __eq__(self, o): log.append('B.__eq__'); return NotImplemented
    def __le__(self, o): log.append('B.__le__'); return NotImplemented
    def __ge__(self, o): log.append('B.__ge__'); return NotImplemented
class C(B):
    def __eq__(self, o): log.append('C.__eq__'); return NotImplemented
    def __le__(self, o): log.append('C.__le__'); return NotImplemented
    def __ge__(self, o): log.append('C.__ge__'); return NotImplemented
class P:
    def __eq__(self, o): log.append('P.__eq__'); return NotImplemented
class Q(P):
    def __eq__(self, o): log.append('Q.__eq__'); return NotImplemented
for a, b in ((B, C), (C, B), (P, Q)):
    log.clear(); B() if False else None
    a() == b(); print(log)
log.clear()
try: B() <= C()
except TypeError: pass
print(log)
class SupEq(object):
    def __eq__(self, other): return True
class S(SupEq):
    __eq__ = None
class F(object): pass
class X(object):
    __eq__ = None
class SN(SupEq):
    __ne__ = None
class XN:
    def __eq__(self, other): return True
    __ne__ = None
e, f, s, x, sn, xn = SupEq(), F(), S(), X(), SN(), XN()
tests = [lambda: e == e, lambda: e == f, lambda: f == e, lambda: e == x, lambda: x == e, lambda: e == s, lambda: s == e,
         lambda: e != e, lambda: e != sn, lambda: sn != e, lambda: e != xn, lambda: xn != e, lambda: x == x, lambda: [x] == [x], lambda: x in [x]]
for t in tests:
    try: print(t())
    except TypeError as ex: print("TypeError", ex)
print(hash(SupEq) is not None, S.__hash__)
