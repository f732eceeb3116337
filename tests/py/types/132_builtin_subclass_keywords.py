# A subclass of float, tuple, frozenset or set takes keyword arguments when it defines an
# __init__ of its own (the built-in constructor leaves them to it); list.__init__ ignores them
# when the subclass has its own __new__. Otherwise "X() takes no keyword arguments".
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, r, getattr(r, "newarg", None))
    except Exception as e:
        print(label, type(e).__name__, e)


for base in (float, tuple, list, set, frozenset, int, str, bytes, complex, bytearray, dict):
    print("==", base.__name__)

    class S(base):
        pass

    class I(base):
        def __init__(self, *a, newarg=None, **kw):
            self.newarg = newarg

    class N(base):
        def __new__(cls, *a, newarg=None):
            self = super().__new__(cls, *a)
            self.newarg = newarg
            return self

    class NI(base):
        def __new__(cls, *a, newarg=None):
            self = super().__new__(cls, *a)
            self.newarg = newarg
            return self

        def __init__(self, *a, newarg=None, **kw):
            pass

    arg = {"float": 2.5, "complex": 2}.get(base.__name__, [1, 2] if base not in (int, str, bytes, bytearray) else 5)
    if base is str:
        arg = "ab"
    t("S(x=1)", lambda: S(x=1))
    t("S(arg, x=1)", lambda: S(arg, x=1))
    t("I(arg, newarg=3)", lambda: I(arg, newarg=3))
    t("I(arg, arg, newarg=3)", lambda: I(arg, arg, newarg=3))
    t("N(arg, newarg=3)", lambda: N(arg, newarg=3))
    t("NI(arg, newarg=3)", lambda: NI(arg, newarg=3))
    t("base.__new__(I, arg, newarg=3)", lambda: base.__new__(I, arg, newarg=3))
    t("base.__new__(S, arg, newarg=3)", lambda: base.__new__(S, arg, newarg=3))
    t("S(1, 2)", lambda: S(1, 2))
