# Classes derived from super, as CPython 3.11: bound by super.__init__ or at construction, reading
# attributes through the mro after their class first (their own methods second), empty and
# zero-argument forms, errors.
class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)

class A:
    def meth(self): return "A"
    @classmethod
    def cm(cls): return "cm " + cls.__name__
class B(A):
    def meth(self): return "B" + mysuper(B, self).meth()
    def zero(self): return Plain().meth2(self)
print(B().meth())
s = mysuper(B, B())
print(type(s).__name__, isinstance(s, super), s.__thisclass__, s.__self_class__)
print(mysuper(B, B).cm())
class Plain(super):
    pass
class C(B):
    def meth(self):
        return "C" + Plain(C, self).meth()
print(C().meth())
class Tagged(super):
    tag = "t"
    def meth(self):
        return "own"
t = Tagged(C, C())
print(t.meth(), t.tag)
t.extra = 5
print(t.extra, sorted(vars(t)))
e = mysuper.__new__(mysuper)
print(repr(e))
try:
    e.meth
except AttributeError as x:
    print("AttributeError", x)
try:
    mysuper(1, 2)
except TypeError as x:
    print("TypeError", x)
try:
    Plain(B, 3)
except TypeError as x:
    print("TypeError", x)
class D(A):
    def meth(self):
        return "D" + Plain().meth()
try:
    print(D().meth())
except RuntimeError as x:
    print("RuntimeError", x)
u = Plain(B)
print(repr(u).split(" at ")[0], u.__self__)
try:
    super(1, int)
except TypeError as x:
    print("TypeError", x)
try:
    Plain(1, int)
except TypeError as x:
    print("TypeError", x)
