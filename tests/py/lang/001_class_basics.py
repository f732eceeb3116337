# class basics: checked against CPython 3.11's output.
class P:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("del"); del self._x
    @staticmethod
    def s(a): return a + 1
    @classmethod
    def c(cls, a): return cls.__name__ + str(a)
p = P(); p.x = 5; print(p.x); del p.x
print(P.s(1), p.s(2), P.c(3), p.c(4))
print(P.__name__, P.__qualname__, P.__module__, p.__class__.__name__)
print(sorted(k for k in P.__dict__ if not k.startswith('__')))
print(vars(p))
def deco(cls):
    cls.tag = "t"; return cls
@deco
class Q: pass
print(Q.tag)
class O:
    class I: pass
print(O.I.__qualname__)
