# class creation errors: CPython's messages for metaclass conflicts, bad __new__ calls, layout
# conflicts between built-in bases, type() misuse and a __prepare__ that returns no mapping.
def attempt(label, f):
    try:
        result = f()
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", result)


class MetaA(type):
    pass


class MetaB(type):
    pass


class A(metaclass=MetaA):
    pass


class B(metaclass=MetaB):
    pass


def conflict():
    class AB(A, B):
        pass


def layout():
    class StrTuple(str, tuple):
        pass


class S(str):
    pass


class L(list):
    pass


class WithNew:
    def __new__(cls, *args):
        return super().__new__(cls, *args)


class NoInit:
    pass


class MetaPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


def bad_prepare():
    class P(metaclass=MetaPrepare):
        pass


class ReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never runs")


class NewReturnsBase(str):
    def __new__(cls, text):
        return str(text)

    def __init__(self, text):
        print("never runs either")


class InitReturns:
    def __init__(self):
        return 1


attempt("conflict", conflict)
attempt("type conflict", lambda: type("AB", (A, B), {}))
attempt("layout", layout)
attempt("object.__new__(S)", lambda: object.__new__(S))
attempt("object.__new__(L)", lambda: object.__new__(L))
attempt("object.__new__(int)", lambda: object.__new__(int))
attempt("object.__new__ args", lambda: WithNew(1))
attempt("no init args", lambda: NoInit(1))
attempt("str.__new__()", lambda: str.__new__())
attempt("str.__new__(5)", lambda: str.__new__(5))
attempt("str.__new__(int)", lambda: str.__new__(int))
attempt("tuple.__new__(S)", lambda: tuple.__new__(S))
attempt("type.__new__ count", lambda: type.__new__(type, "x"))
attempt("type bases", lambda: type("a", 1, {}))
attempt("type name", lambda: type(1, (), {}))
attempt("type dict", lambda: type("a", (), []))
attempt("type count", lambda: type("a", ()))
attempt("type kwargs", lambda: type("a", (), {}, x=1))
attempt("type.__init__", lambda: type.__init__(NoInit, 1, 2))
attempt("bad base", lambda: type("X", (1,), {}))
attempt("bool base", lambda: type("X", (bool,), {}))
attempt("prepare", bad_prepare)
attempt("new returns other", lambda: ReturnsOther())
attempt("new returns base", lambda: type(NewReturnsBase("t")).__name__)
attempt("init returns", lambda: InitReturns())
attempt("float()", lambda: type(float.__new__(float, "2")).__name__)
conflict()
