# A weak reference to an object waiting in a long chain of deallocations (deeper than the
# interpreter frees at once) reads as dead: a callback that runs during the chain and looks an
# object up through its weak reference gets None, not an object on its way out (which it would
# then free a second time). CPython's test_weakref test_trashcan_16602 crashed minipy on this.
import gc
import weakref

calls = []


class Node:
    def __init__(self, parent):
        if parent is None:
            return
        me = weakref.ref(self)

        def parent_died(_):
            calls.append(me() is None)

        self.parent_ref = weakref.ref(parent, parent_died)


def build_and_drop(n):
    # Each node is the value stored under its parent's (weak) key, so freeing the dict frees the
    # whole chain in one cascade, each death calling back into the next node's weak references.
    table = weakref.WeakKeyDictionary()
    root = node = Node(None)
    for _ in range(n):
        table[node] = node = Node(node)
    del root
    gc.collect()
    return len(table)


print(build_and_drop(100))
print(build_and_drop(1000))
gc.collect()
print("callbacks ran:", len(calls) > 0)
print("done")
