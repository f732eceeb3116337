# Weak references to the built-in types CPython allows them to (sets, frozensets, generators, code
# objects, bound methods, built-in functions, modules, memoryviews, generic aliases, partials,
# sockets), and the TypeError for those it refuses.
import functools
import gc
import socket
import sys
import types
import weakref


def gen():
    yield 1


class C:
    def method(self):
        return 1


def make_set():
    return {1, 2}


module = types.ModuleType("scratch")
candidates = [
    ("set", make_set), ("frozenset", lambda: frozenset([1])), ("generator", gen),
    ("code", lambda: compile("x = 1", "<string>", "exec")), ("bound method", lambda: C().method),
    ("builtin bound method", lambda: [].append), ("memoryview", lambda: memoryview(b"abc")),
    ("generic alias", lambda: list[int]), ("partial", lambda: functools.partial(len)),
    ("module", lambda: module), ("socket", socket.socket),
]
for name, make in candidates:
    obj = make()
    died = []
    ref = weakref.ref(obj, lambda r, name=name: died.append(name))
    alive = ref() is obj
    if name == "socket":
        obj.close()
    del obj
    gc.collect()
    print(name, alive, ref() is None or name == "module", died)

print(weakref.ref(len)() is len, weakref.ref(sys)() is sys)
for obj in ([], {}, (), 1, "s", 1.5, b"b", bytearray(), range(3), slice(1), object(), iter([]),
            property(), staticmethod(len), zip()):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "allowed")
    except TypeError as e:
        print(e)

s = {1, 2, 3}
ws = weakref.WeakSet()
ws.add(frozenset(s))
keep = frozenset([9])
ws.add(keep)
gc.collect()
print(len(ws), keep in ws)
cache = weakref.WeakKeyDictionary()
g = gen()
cache[g] = "suspended"
print(list(cache.values()))
del g
gc.collect()
print(list(cache.values()))

# Classes: __slots__ without __weakref__ take the slot away, as do int, tuple and bytes bases.
class NoSlot:
    __slots__ = ()


class WithSlot:
    __slots__ = ("__weakref__",)


class Inherits(NoSlot):
    pass


class IntSub(int):
    pass


class StrSub(str):
    pass


class ListSlots(list):
    __slots__ = ()


class Deeper(WithSlot):
    __slots__ = ("x",)


for cls in (NoSlot, WithSlot, Inherits, IntSub, StrSub, ListSlots, Deeper):
    try:
        weakref.ref(cls())
        print(cls.__name__, "allowed")
    except TypeError as e:
        print(e)
