# C() of a class with object's __init__ makes the instance without a call (the interpreter's CALL);
# any other __init__ (a built-in function, a functools.partialmethod, a callable object) runs as
# CPython's slot_tp_init runs it; and module-level names are read through LOAD_GLOBAL's cache
# (LOAD_NAME with the locals being the globals): rebinding, deleting and shadowing builtins.
import functools


class Plain:
    pass


class B:
    __init__ = print


class P:
    def _set(self, value, scale):
        self.value = value * scale

    __init__ = functools.partialmethod(_set, scale=10)


class CallableInit:
    def __call__(self, *args, **kwargs):
        print("called with", len(args), "args and", sorted(kwargs))


class C:
    __init__ = CallableInit()


class R:
    __init__ = lambda self: 5


print(type(Plain()).__name__, type(Plain()) is Plain)
B()
print(P(4).value)
C(1, 2, k=3)
for make in (lambda: R(), lambda: Plain(1), lambda: Plain(k=1)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)


class Later:
    pass


first = Later()
Later.__init__ = lambda self, x=7: setattr(self, "x", x)
print(Later().x, Later(8).x, hasattr(first, "x"))
del Later.__init__
print(type(Later()).__name__)

# Module-level names: the cache must see every change.
x = 1
print(x)
x = 2
print(x)
print(len("abc"))
len = lambda s: -1
print(len("abc"))
del len
print(len("abc"))
try:
    print(missing)
except NameError as e:
    print("NameError:", e)
missing = "now here"
print(missing)
for i in range(3):
    total = i if i == 0 else total + i
print(total)
ns = {"y": 5}
exec("z = y * 2\nprint(z, len([1]))", ns)
exec("print(y)", {"y": "globals"}, {"y": "locals"})
globals()["late"] = "set through globals()"
print(late)
