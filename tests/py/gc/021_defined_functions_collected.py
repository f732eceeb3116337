# Functions bound in a module's globals or a class's dict (and the staticmethod, classmethod and
# property objects wrapping them) are freed once nothing refers to them, in both flavors: minipy-ft
# defers their counting to the collector (runtime/flavor.h, kDefinedFunctionsDeferred) instead of
# making them immortal. Checked after gc.collect(), where CPython has freed them too.
import gc
import sys
import weakref


def top():
    return 1


# sys.getrefcount leaves the deferred bias out: the same answers as CPython.
print("refcount:", sys.getrefcount(top))
alias = top
print("with an alias:", sys.getrefcount(top))
del alias
alive = weakref.ref(top)
del top
gc.collect()
print("deleted function freed:", alive() is None)

# Rebinding a module-level name again and again: every old function goes.
refs = []
for i in range(300):
    exec("def generated():\n    return %d\n" % i)
    refs.append(weakref.ref(generated))
gc.collect()
print("generated:", generated(), sum(r() is not None for r in refs))


class Shape:
    def area(self):
        return 0

    @staticmethod
    def unit():
        return 1

    @classmethod
    def make(cls):
        return cls()

    @property
    def sides(self):
        return 0


print("method refcount:", sys.getrefcount(Shape.__dict__["area"]))
held = [
    weakref.ref(Shape.__dict__["area"]),
    weakref.ref(Shape.__dict__["unit"].__func__),
    weakref.ref(Shape.__dict__["make"].__func__),
    weakref.ref(Shape.__dict__["sides"].fget),
    weakref.ref(Shape),
]
print(Shape().area(), Shape.unit(), Shape.make().sides)
del Shape
gc.collect()
print("class and its methods freed:", [r() is None for r in held])

# A method replaced on a live class.
class Counter:
    def step(self):
        return 1


old = weakref.ref(Counter.__dict__["step"])
Counter.step = lambda self: 2
gc.collect()
print("replaced method freed:", old() is None, Counter().step())

# Classes with methods made in a loop by exec (module-level definitions each time).
classes = []
for i in range(200):
    exec("class Made:\n    def get(self):\n        return %d\n" % i)
    classes.append(weakref.ref(Made.get))
gc.collect()
print("made classes:", Made().get(), sum(r() is not None for r in classes))

# CPython's CO_NESTED: set inside a function (through class bodies too), not on a module-level
# class's methods; minipy-ft defers only functions that are not nested, as CPython 3.13t.
def outer():
    def inner():
        pass

    class Local:
        def m(self):
            pass

    return inner, Local


class Top:
    def m(self):
        pass

    class Inner:
        def m(self):
            pass


inner, Local = outer()
print("nested flags:", [f.__code__.co_flags & 0x10 for f in (outer, inner, Local.m, Top.m, Top.Inner.m)])
