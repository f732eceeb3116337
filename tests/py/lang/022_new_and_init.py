# __new__ and __init__ together, as CPython's type_call runs them: a class's own __new__ on plain,
# list, set, dict and exception layouts, the base's __init__ after it, and class statements with
# *bases and **keywords.
class MySet(set):
    def __init__(self, a, b):
        super().__init__([a, b])
print(sorted(MySet(1, 2)), type(MySet(1, 2)).__name__)
class MyDict(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.n = len(kw)
d = MyDict(a=1, b=2); print(d, d.n)
class E(ValueError):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.extra = "x"
        return self
e = E("boom", 1); print(e, e.args, e.extra, repr(e))
class Pn:
    def __new__(cls, v):
        inst = super().__new__(cls)
        inst.v = v
        return inst
print(Pn(5).v)
class L2(list):
    def __new__(cls, *a):
        return super().__new__(cls)
print(L2([1, 2]), type(L2()).__name__)
class Meta(type):
    def __call__(cls, *a, **kw):
        print("call", a, kw)
        return super().__call__(*a, **kw)
class K(metaclass=Meta):
    def __init__(self, x, y=0): self.s = x + y
print(K(1, y=2).s)
class WithStar(*[object], **{}):
    pass
print(WithStar.__bases__)
def kwonly(**kw): return kw
class Base:
    def __init_subclass__(cls, **kw): print("isc", kw)
opts = {"a": 1}
class Sub(Base, **opts): pass
class F2(float): pass
print(F2(2.5) == 2.5, F2("nan") != F2("nan"), {F2(1.0): 'a'}[1], F2(1) + True)
class T2(tuple): pass
print(T2() == (), len(T2()), T2(range(3)), hash(T2()) == hash(()))
print(str.__new__(str, "a") is not None, tuple.__new__(tuple, [1]), float.__new__(float))
try:
    str.__new__(str, "a", "b", "c", "d")
except TypeError as e: print(e)
