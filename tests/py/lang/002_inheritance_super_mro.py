# inheritance super mro: checked against CPython 3.11's output.
class A:
    def f(self): return "A.f"
class B(A):
    def f(self): return "B.f+" + super().f()
print(B().f())
class C(A):
    def f(self): return "C.f+" + super().f()
class D(B, C):
    def f(self): return "D.f+" + super().f()
print(D().f())
print(D.__mro__)
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), (int, A)), issubclass(D, C), issubclass(D, (int, str)))
try:
    class X(A, B): pass
except TypeError as e: print(e)
