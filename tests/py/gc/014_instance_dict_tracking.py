# An instance's __dict__ counts as part of the instance while nothing else refers to it (CPython
# 3.11 keeps such attributes inline): gc.collect() counts the instances of a cycle, not their dicts,
# and gc.get_referents shows the attribute values. A __dict__ that something else holds is an object
# of its own: cycles through it alone, or that outlive the instance, are still found.
import gc
import weakref


class Node:
    pass


gc.collect()
gc.disable()

# Two-node cycles: two unreachable objects each.
for i in range(3):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
print("three two-node cycles:", gc.collect())

# A self-cycle through an instance's own attribute.
n = Node()
n.me = n
n.data = [1, 2]
del n
print("self cycle with a list:", gc.collect())

# gc.get_referents of an instance whose __dict__ nobody else holds: the values.
n = Node()
items = [1]
n.x = items
n.y = 5
refs = gc.get_referents(n)
print("list among referents:", any(r is items for r in refs))
print("referrers of the list include the instance:", any(r is n for r in gc.get_referrers(items)))
d = n.__dict__
print("dict among referents once held:", any(r is d for r in gc.get_referents(n)))
del d, n, items

# A dict taken out of its instance, in a cycle of its own, outliving the instance.
n = Node()
d = n.__dict__
d["self"] = d
w = weakref.ref(n)
del n
print("instance freed by counting:", w() is None)
probe = Node()
d["probe"] = probe
wp = weakref.ref(probe)
del d, probe
print("escaped dict cycle collected:", gc.collect() >= 1, wp() is None)

# The dict held elsewhere while the instance is in a cycle through it: kept while held.
n = Node()
n.me = n
d = n.__dict__
w = weakref.ref(n)
del n
gc.collect()
print("instance kept while its dict is held:", w() is not None, d["me"] is w())
del d
gc.collect()
print("freed once the dict is dropped:", w() is None)

# A dict that was held once and is owned again by its instance: still collected with it.
n = Node()
d = n.__dict__
d["x"] = 1
del d
n.me = n
w = weakref.ref(n)
del n
gc.collect()
print("re-owned dict, cycle collected:", w() is None)

# Many cycles with a __del__ each: every finalizer runs once.
ran = []


class WithDel:
    def __del__(self):
        ran.append(1)


for i in range(50):
    x = WithDel()
    x.me = x
del x
print("finalizers:", gc.collect(), len(ran))
gc.enable()
