# Dunder methods that are instances of their own class recurse in native code with no Python frame
# between: each ends in RecursionError (CPython's wording), never a crash of the C stack.
def probe(name, f):
    try:
        f()
        print(name, "no error")
    except RecursionError as e:
        print(name, "RecursionError", e)
    except Exception as e:
        print(name, type(e).__name__, e)

class A: pass
A.__call__ = A()
probe("call", lambda: A()())

class B: pass
B.__getattr__ = B()
B.__call__ = B()
probe("getattr", lambda: B().x)

class C: pass
C.__iter__ = C()
probe("iter", lambda: iter(C()))
class D:
    def __getattribute__(self, n): return getattr(self, n)
probe("getattribute", lambda: D().x)
class E: pass
E.__len__ = E()
probe("len", lambda: len(E()))
class H: pass
H.__eq__ = H()
probe("eq", lambda: H() == 1)
l = []
l.append(l)
probe("repr", lambda: len(repr(l)))
class I: pass
I.__hash__ = I()
probe("hash", lambda: hash(I()))
class J: pass
J.__repr__ = J()
probe("repr2", lambda: repr(J()))
