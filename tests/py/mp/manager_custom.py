# BaseManager.register: a class of one's own served by a manager process, with the automatic proxy
# (its public methods) or a BaseProxy subclass naming what it exposes; method_to_typeid returning a
# proxy; the proxy passed to Process children and to Pool workers. Errors raised in the server come
# back to the caller: the referent's own exception as itself, the server's own failures as
# RemoteError carrying the server's traceback.
import multiprocessing as mp
import threading
from multiprocessing.managers import BaseManager, BaseProxy, RemoteError


class Counter:
    # The server serves each connection on a thread of its own; in minipy-ft (as in CPython 3.13t)
    # those threads run at once, so an unlocked `self.n += k` can lose an update.
    def __init__(self, start=0):
        self.n = start
        self.lock = threading.Lock()

    def add(self, k=1):
        with self.lock:
            self.n += k
            return self.n

    def value(self):
        return self.n

    def fail(self):
        raise KeyError("no such counter")

    def twin(self):
        return Counter(self.n)

    def _private(self):
        return "hidden"


class CounterProxy(BaseProxy):
    _exposed_ = ("add", "value")

    def add(self, k=1):
        return self._callmethod("add", (k,))

    def value(self):
        return self._callmethod("value")


class CounterManager(BaseManager):
    pass


CounterManager.register("Counter", Counter)
CounterManager.register("LimitedCounter", Counter, proxytype=CounterProxy)
CounterManager.register("TwinCounter", Counter, method_to_typeid={"twin": "CounterRef"})
# No callable: the server wraps an object a method returned (twin) rather than making one.
CounterManager.register("CounterRef", exposed=("add", "value"), create_method=False)


def bump(counter, times):
    for _ in range(times):
        counter.add()


def bump_in_pool(counter):
    return counter.add(100) > 0


def last_line(error):
    return [line for line in str(error).splitlines() if line and not line.startswith("---")][-1]


if __name__ == "__main__":
    with CounterManager() as m:
        c = m.Counter(10)
        print(type(c).__name__, c.add(5), c.value())
        ps = [mp.Process(target=bump, args=(c, 10)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(c.value())
        with mp.Pool(2) as pool:
            print(pool.map(bump_in_pool, [c, c]))
        print(c.value())

        try:
            c.fail()
        except KeyError as e:
            print("KeyError", e)
        try:
            c._private()
        except AttributeError as e:
            print("AttributeError", e)
        try:
            c._callmethod("_private")
        except RemoteError as e:
            print("RemoteError", last_line(e))
        try:
            c._callmethod("nothing")
        except RemoteError as e:
            print("RemoteError", last_line(e))

        limited = m.LimitedCounter(1)
        text = repr(limited)
        print(text[:text.index(" at 0x")], limited.add(2), limited.value())
        try:
            limited.fail()
        except AttributeError as e:
            print("AttributeError", e)

        t = m.TwinCounter(7)
        twin = t.twin()
        print(type(twin).__name__, twin.add(1), t.value(), hasattr(m, "CounterRef"))
        try:
            m.Counter(1, 2, 3)
        except RemoteError as e:
            print("RemoteError", last_line(e))
    print(mp.active_children())
