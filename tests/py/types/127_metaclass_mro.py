# A metaclass's own mro() decides a class's __mro__ (at creation and when __bases__ changes), checked
# as CPython's mro_check; type.mro() computes C3 over the current bases; an mro() that assigns
# __bases__ again wins over the assignment that called it (test_descr's MroTest).
class Meta(type):
    def mro(cls):
        print("mro called for", cls.__name__)
        return [cls] + [c for c in super().mro()[1:]] 
class A(metaclass=Meta): pass
print(A.__mro__)
class MyMeta(type):
    def mro(cls):
        return (cls, object)
class B(int, metaclass=MyMeta): pass
print(B.__mro__)
class Weird(type):
    def mro(cls):
        return [cls, str, object]
try:
    class C(metaclass=Weird): pass
except TypeError as e:
    print('TypeError:', e)
class Bad(type):
    def mro(cls):
        return [1]
try:
    class D(metaclass=Bad): pass
except TypeError as e:
    print("TypeError:", e)
A.__bases__ = (object,)
print(A.__mro__)
print(type.mro(A))
class Count(type):
    calls = 0
    def mro(cls):
        Count.calls += 1
        return super().mro()
class P: pass
class Q: pass
class E(P, metaclass=Count): pass
class F(E): pass
print(Count.calls)
E.__bases__ = (Q,)
print(Count.calls, F.__mro__)
class Rev(type):
    def mro(cls):
        m = super().mro()
        return [m[0]] + m[1:-1][::-1] + [m[-1]]
class X:
    def who(self): return "X"
class Y:
    def who(self): return "Y"
class Z(X, Y, metaclass=Rev): pass
print(Z.__mro__, Z().who())
class NonClass(type):
    def mro(cls):
        return [cls, 5]
try:
    class G(metaclass=NonClass): pass
except TypeError as e:
    print("TypeError:", e)
class DebugMeta(type):
    ready = False
    def mro(cls):
        if DebugMeta.ready and cls.__name__ == 'C':
            DebugMeta.ready = False
            C.__bases__ = (B2,)
        return type.mro(cls)
class A(metaclass=DebugMeta): pass
class B1(A): pass
class B2(A): pass
class C(A): pass
DebugMeta.ready = True
C.__bases__ = (B1,)
B1.__bases__ = (C,)
print(C.__bases__, B2.__subclasses__(), B1.__subclasses__())
print(B1.__bases__, C.__subclasses__(), B1.__mro__)
class Fail(type):
    armed = False
    def mro(cls):
        if Fail.armed:
            raise RuntimeError("no order")
        return type.mro(cls)
class Base0: pass
class H(Base0, metaclass=Fail): pass
class I: pass
Fail.armed = True
try:
    H.__bases__ = (I,)
except RuntimeError as e:
    print("RuntimeError:", e, H.__bases__, H.__mro__)
