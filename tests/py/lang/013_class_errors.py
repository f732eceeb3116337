# class errors: CPython's messages for missing protocols, properties without setters, MRO and super() misuse.
class P:
    @property
    def x(self): return 1
def set_x(): P().x = 2
def del_x(): del P().x
class Q2(P):
    pass
def dup():
    class Q(P, P): pass
tests = [set_x, del_x, lambda: super(), lambda: hash(type('N', (), {'__eq__': lambda s, o: True})()),
         lambda: P() < P(), lambda: P() + 1, lambda: -P(), lambda: len(P()), lambda: P()[0], lambda: iter(P()),
         lambda: P()(), lambda: P(1), lambda: object.__init__(P(), 1), dup, lambda: 1 in P(), lambda: next(P())]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e: print(e)
def f(): return super().x
try: f()
except RuntimeError as e: print(e)
print(A.__name__, B.__qualname__, A().__class__ is A, type(A), type(A()) is A)
print(str(A)[:17], repr(B))
