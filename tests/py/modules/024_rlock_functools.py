# _thread.RLock (native, as CPython's) and CPython's own functools.py, which needs it: singledispatch,
# lru_cache, cached_property, partial, reduce, total_ordering. pydoc and pkgutil import singledispatch.
import _thread
import functools
import threading

r = _thread.RLock()
print(repr(r).split(" owner")[0], r.acquire(), r.acquire(blocking=False), r._is_owned())
with r:
    print(repr(r).split(" object")[0])
r.release()
r.release()
print(r._is_owned(), repr(r).split(" at ")[0])
for call in (r.release, lambda: r.acquire(False, 1), lambda: r.acquire(timeout=-2)):
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
state = []
r.acquire()
t = threading.Thread(target=lambda: state.append(r.acquire(timeout=0.01)))
t.start()
t.join()
r.release()
t = threading.Thread(target=lambda: state.append((r.acquire(False), r._is_owned())))
t.start()
t.join()
print(state, r._is_owned())


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int):
    return "int"


@describe.register(list)
def _(x):
    return "list of %d" % len(x)


print(describe(1), describe(True), describe([1, 2]), describe("s"), describe.dispatch(bool).__name__)


@functools.lru_cache(maxsize=2)
def square(n):
    return n * n


print([square(i) for i in (1, 2, 1, 3, 1)], square.cache_info())


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


class Lazy:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42


lazy = Lazy()
print(Version(1) <= Version(2), Version(3) >= Version(4), lazy.value, lazy.value)
print(functools.partial(max, 1, key=abs), functools.reduce(lambda a, b: a * b, range(1, 6)))
print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
