# Closures made in a loop are freed, also when each refers to itself (a cycle through its cell), in
# both flavors; objects holding a bound method of themselves and generators in cycles are found.
import gc
import weakref


def make(i):
    def f():
        return f, i  # f's cell holds f: a cycle

    return f


# In a function: minipy-ft still makes a function immortal when it is bound in a module's globals.
def make_many():
    refs = []
    for i in range(1000):
        f = make(i)
        if i % 100 == 0:
            refs.append(weakref.ref(f))
    return refs


refs = make_many()
gc.collect()
print("self-referring closures alive:", sum(1 for r in refs if r() is not None))


def counter():
    n = 0

    def step():
        nonlocal n
        n += 1
        return n

    return step


steps = [counter() for _ in range(100)]
print(sum(s() for s in steps))
refs = [weakref.ref(s) for s in steps]
del steps
print("plain closures alive:", sum(1 for r in refs if r() is not None))


class Holder:
    def __init__(self):
        self.callback = self.method  # a bound method of itself: a cycle

    def method(self):
        return 1


h = Holder()
r = weakref.ref(h)
del h
gc.collect()
print("object holding its bound method freed:", r() is None)


def gen(box):
    yield box


class Box:
    pass


b = Box()
b.g = gen(b)
next(b.g)
r = weakref.ref(b)
del b
gc.collect()
print("generator cycle freed:", r() is None)
