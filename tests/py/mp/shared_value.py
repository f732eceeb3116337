# Value and Array in shared memory: increments under get_lock() from 4 processes add up exactly
# (without the lock, `counter.value += 1` loses updates at this many rounds), and each typecode
# stores and converts values as CPython's ctypes-backed ones do.
from multiprocessing import Process, Value, Array, RawValue, RawArray, Lock, Event
from multiprocessing.sharedctypes import synchronized, copy

ROUNDS = 5000


def add_many(counter, slots, go):
    go.wait()
    for i in range(ROUNDS):
        with counter.get_lock():
            counter.value += 1
        with slots:
            slots[i % len(slots)] += 2


def fill(raw, start):
    for i in range(start, len(raw), 2):
        raw[i] = i * i


if __name__ == '__main__':
    counter = Value('i', 0)
    slots = Array('q', 4)
    go = Event()
    workers = [Process(target=add_many, args=(counter, slots, go)) for _ in range(4)]
    for p in workers:
        p.start()
    go.set()
    for p in workers:
        p.join()
    print(counter.value, slots[:], sum(slots))

    # Two processes write disjoint halves of one RawArray; the parent sees both.
    raw = RawArray('l', 10)
    workers = [Process(target=fill, args=(raw, s)) for s in (0, 1)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(raw[:])

    for code in 'bBhHiIlLqQfdc':
        print(code, Value(code), RawValue(code))
    print(Value('b', 300).value, Value('B', -1).value, Value('h', 40000).value, Value('I', -1).value)
    print(Value('Q', -1).value, Value('q', 2 ** 63).value, Value('L', 2 ** 64 + 5).value, Value('i', 2 ** 70).value)
    print(Value('f', 0.1), Value('f', 1e300).value, Value('d', 3).value, Value('d', True).value)
    print(Value('c', b'x').value, Value('c', 65).value, Value('c', bytearray(b'z')).value)
    print(Value('i', True).value, bool(RawValue('i', 0)), bool(RawValue('d', 0.5)))

    v = Value('i', 3)
    print(v.get_obj(), v.get_lock())
    with v:
        print(v.get_lock())
    with v.get_lock():
        v.value += 1
    print(v.value, v.get_lock())
    v.acquire()
    v.value = 10
    v.release()
    print(v)
    print(Value('i', 7, lock=False), Value('d', 1.5, lock=Lock()).get_lock())
    print(type(Value('i', lock=None).get_lock()).__name__, type(Value('i', lock=1).get_lock()).__name__)

    a = Array('i', [5, 6, 7, 8])
    print(len(a), a[0], a[-1], a[1:3], a[::2], a[::-1], a[10:20], list(a), 7 in a, sum(a))
    a[0] = 50
    a[1:3] = [60, 70]
    a[::2] = (1, 3)
    print(a[:], a.get_obj()[:], type(a).__name__, type(a.get_obj()).__name__)
    print(Array('d', [1.5, 2])[:], Array('i', range(3))[:], Array('i', 3, lock=False)[:])
    print(type(RawArray('h', 2)).__name__, type(RawArray('d', 1)).__module__, len(RawArray('b', 0)))

    s = Array('c', b'hello')
    print(type(s).__name__, s[:], s[0], s[1:3], s.value, s.raw, list(s))
    s[0] = b'J'
    s[1:3] = b'EL'
    print(s.value)
    s.value = b'hi'
    print(s.value, s.raw)
    s.raw = b'xy'
    print(s.value, s.raw, Array('c', 3).value, RawArray('c', b'ab').value)

    c = copy(RawValue('i', 4))
    print(c, copy(RawArray('i', [1, 2]))[:], synchronized(RawValue('h', 2)), synchronized(c).value)

    w = RawArray('u', 'héllo')
    print(type(w).__name__, w[:], w[1], w.value, Value('u', 'é'), RawValue('u'))
    w.value = 'hi'
    print(w.value, w[:], len(w))
