# Freeing a long chain of objects defers the deepest deallocations (the trashcan); a weak reference
# waiting there when its referent dies must not be freed twice. A 1000-deep nest of the pure-Python
# OrderedDict (whose links point back through weakref.proxy) crashed test_ordered_dict this way.
import gc
import weakref
from collections import OrderedDict

obj = None
for _ in range(1000):
    obj = OrderedDict([(None, obj)])
del obj
gc.collect()
print("nested OrderedDicts freed")

deleted = []


class Tracked(OrderedDict):
    def __del__(self):
        deleted.append(self.i)


obj = None
for i in range(100):
    obj = Tracked([(None, obj)])
    obj.i = i
del obj
gc.collect()
print(deleted == list(reversed(range(100))))


class Node:
    def __init__(self, inner):
        self.inner = inner
        self.me = weakref.proxy(self)  # dies with its referent, in the same deferred chain
        self.ref = weakref.ref(self, lambda r: calls.append(1))


calls = []
node = None
for _ in range(2000):
    node = Node(node)
del node
gc.collect()
print("nodes freed, callbacks:", len(calls))
fresh = [OrderedDict(a=i) for i in range(300)]  # the allocator is still sound
print(sum(d["a"] for d in fresh))
