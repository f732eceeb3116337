# A class body's implicit `__class__` cell (what its methods and super() read) is its own, apart from
# a `__class__` the body declares nonlocal or global: assigning that one changes the enclosing
# function's variable (or the global), never the methods' cell.
def outer():
    __class__ = 0

    class X:
        nonlocal __class__
        __class__ = 42

        def f(self):
            return __class__

        def g(self):
            return super().__repr__().startswith("<")

    print(__class__, "__class__" in X.__dict__, X().f() is X, X().g())
    return X


outer()


class T:
    def m(self):
        class Inner:
            nonlocal __class__
            __class__ = 7

            def f():
                __class__

        return __class__, Inner.f.__closure__[0].cell_contents is Inner


print(T().m())


class G:
    global __class__
    __class__ = "global one"

    def f(self):
        return __class__


print(globals()["__class__"], G().f() is G, "__class__" in G.__dict__)
del globals()["__class__"]

try:
    exec("class X:\n    __class__\n    def f():\n        __class__", globals(), {})
except NameError as e:
    print(type(e).__name__, e)
