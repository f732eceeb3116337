# Weak references to instances of the native types that CPython allows them to: deque, files,
# patterns, locks, arrays, in-memory streams. Each dies with its referent.
import _thread
import array
import collections
import gc
import io
import re
import weakref

d = collections.deque([1, 2])
r = weakref.ref(d)
print(r() is d, weakref.getweakrefcount(d))
proxy = weakref.proxy(d)
print(len(proxy), list(proxy))
del d
gc.collect()
print(r())

seen = []
q = collections.deque()
callback_ref = weakref.ref(q, lambda ref: seen.append("collected"))
del q
gc.collect()
print(seen, callback_ref())

cache = weakref.WeakValueDictionary()
keep = collections.deque("abc")
cache["a"] = keep
cache["b"] = collections.deque("xyz")
gc.collect()
print(sorted(cache.keys()))

for make in (lambda: re.compile("a+"), _thread.allocate_lock, _thread.RLock, lambda: array.array("i", [1]),
             io.BytesIO, io.StringIO, lambda: open(__file__, "rb"), lambda: open(__file__),
             lambda: open(__file__, "rb", buffering=0)):
    obj = make()
    ref = weakref.ref(obj)
    alive = ref() is obj
    if hasattr(obj, "close"):
        obj.close()
    del obj
    gc.collect()
    print(alive, ref())

try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)


# next() on a proxy goes to the referent's __next__ (CPython's proxy_iternext).
class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


counter = Counter()
counter_proxy = weakref.proxy(counter)
print(next(counter_proxy), list(counter_proxy), iter(counter_proxy) is counter)


class NotAnIterator:
    pass


class BadNext:
    __next__ = 5


for target in (NotAnIterator(), BadNext()):
    try:
        next(weakref.proxy(target))
    except TypeError as e:
        print("TypeError:", e)
