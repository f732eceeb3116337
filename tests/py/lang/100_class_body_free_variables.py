# In a class body, a free variable is read from the class namespace first (CPython's
# LOAD_CLASSDEREF), then from the enclosing function's cell.
def f():
    x = 42

    class X:
        locals()["x"] = 43
        y = x

    class Y:
        z = x

    class Z:
        locals()["x"] = 43
        del x

    return X.y, Y.z, hasattr(Z, "x"), x


print(f())


class Namespace(dict):
    def __getitem__(self, key):
        if key == "v":
            return "from the namespace"
        return super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Namespace()


def g():
    v = "from the cell"
    w = "cell w"

    class A(metaclass=Meta):
        got = v
        other = w

    return A.got, A.other


print(g())


def h():
    class B:
        try:
            value = late
        except NameError as e:
            value = str(e)
    late = 1
    return B.value


print(h())
