# A class body that declares a name global while a method uses the enclosing function's variable of
# that name: the class passes the function's cell on to the method (CPython's DEF_FREE_CLASS), and
# the class body's own reads and writes go to the globals. The compiler used to abort (map::at).
def test(x):
    class Foo:
        global x
        seen = x

        def __call__(self, y):
            return x + y

    return Foo()


x = 0
print(test(6)(2), test(6).seen)
x = -1
print(test(3)(2), test(3).seen)


def writer(v):
    class Bar:
        global v
        v = "class wrote the global"

        def get(self):
            return v

    return Bar()


print(writer(7).get(), v)


def nested(a):
    class Outer:
        global a

        class Inner:
            def read(self):
                return a

    return Outer.Inner().read()


a = "global a"
print(nested("local a"))
print(test.__code__.co_cellvars, [c.co_freevars for c in test.__code__.co_consts if hasattr(c, "co_freevars")])
