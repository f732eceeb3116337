# builtin subclasses hooks: checked against CPython 3.11's output.
class MyList(list):
    def total(self): return sum(self)
m = MyList([1, 2, 3]); m.append(4); print(m, m.total(), len(m), isinstance(m, list))
class MyDict(dict):
    def __missing__(self, k): return 0
d = MyDict(a=1); print(d["a"], d["b"])
class MyError(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
    def __str__(self): return f"MyError<{self.code}>"
try: raise MyError(5)
except ValueError as e: print(e, e.code, e.args, repr(e))
class E2(Exception): pass
try: raise E2(1, 2)
except Exception as e: print(e, e.args)
class Ctx:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, t, v, tb): print("exit", self.n, t.__name__ if t else None); return True
with Ctx(1) as a, Ctx(2) as b:
    print(a, b); raise KeyError(1)
print("after")
class GA:
    def __getattr__(self, n): return "ga:" + n
    def __setattr__(self, n, v): print("set", n); object.__setattr__(self, n, v)
g = GA(); g.q = 1; print(g.q, g.zz)
class Base:
    def __init_subclass__(cls, **kw): print("sub", cls.__name__)
class Sub(Base): pass
print(type(3).__name__, type(g) is GA, GA.__bases__)
T = type("T", (object,), {"a": 1})
print(T.a, T.__name__)
