# gc.collect() finds and frees reference cycles. Where minipy and CPython count the same objects
# (lists, dicts, sets) the numbers are printed; instances are counted with their __dict__ in minipy
# (CPython 3.11 keeps small instances' attributes inline, without a dict object), so for those only
# `n >= k` is printed, and weak references show that the objects are gone.
import gc
import weakref

gc.collect()

l = []
l.append(l)
del l
print(gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())

d = {}
d["self"] = d
del d
print(gc.collect())

a = [1, 2]
b = {"a": a}
a.append(b)
del a, b
print(gc.collect())

print(gc.collect())


class Node:
    pass


a = Node()
b = Node()
a.other = b
b.other = a
ra, rb = weakref.ref(a), weakref.ref(b)
del a, b
print(ra() is not None, rb() is not None)
print(gc.collect() >= 2)
print(ra(), rb())

# A tree with parent links.
root = Node()
root.children = []
for i in range(10):
    child = Node()
    child.parent = root
    root.children.append(child)
r = weakref.ref(root)
del root, child
print(gc.collect() >= 11, r())

# An object that keeps a bound method of itself.
class Button:
    def __init__(self):
        self.handler = self.click

    def click(self):
        return "clicked"

btn = Button()
r = weakref.ref(btn)
print(btn.handler())
del btn
print(gc.collect() >= 2, r())

# A closure that refers to itself.
def make():
    def rec(n):
        return 1 if n == 0 else n * rec(n - 1)
    return rec

# (Made and dropped inside a function: minipy-ft makes functions bound in module globals immortal.)
def closure_ref():
    f = make()
    print(f(5))
    return weakref.ref(f)

r = closure_ref()
print(gc.collect() >= 2, r())

# An exception kept with its instance.
class Failure(Exception):
    pass

try:
    raise Failure("boom")
except Failure as e:
    e.me = e
    r = weakref.ref(e)
print(gc.collect() >= 1, r())

# A suspended generator that holds itself in a local (seen through an object it also holds).
def gen(token):
    me = yield 1
    yield me

token = Node()
g = gen(token)
next(g)
g.send(g)
r = weakref.ref(token)
del g, token
print(gc.collect() >= 2, r())

# A cycle still referenced from outside is kept.
keep = []
keep.append(keep)
print(gc.collect(), len(keep))

# Cycles through sets and tuples.
n = Node()
n.s = {(n,)}
r = weakref.ref(n)
del n
print(gc.collect() >= 3, r())

# Subclass of a built-in container with attributes.
class MyList(list):
    pass

m = MyList()
m.append(m)
m.attr = m
r = weakref.ref(m)
del m
print(gc.collect() >= 1, r())
print(gc.garbage)
