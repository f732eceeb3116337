# Semaphore, BoundedSemaphore, Lock and RLock shared by processes: a Semaphore(2) admits at most
# two processes at once, a thread waiting in acquire() lets the others run, and the errors and
# reprs are CPython's.
import threading
import time
from multiprocessing import (Process, Semaphore, BoundedSemaphore, Lock, RLock, Value, Event,
                             Queue)


def visit(sem, inside, most, go):
    go.wait()
    for _ in range(5):
        with sem:
            with inside.get_lock():
                inside.value += 1
                most.value = max(most.value, inside.value)
            time.sleep(0.002)
            with inside.get_lock():
                inside.value -= 1


def hold(lock, taken, release):
    lock.acquire()
    taken.set()
    release.wait()
    lock.release()


def inherited(r, out):
    # The parent held r at the fork: this process does not, however its memory was copied.
    out.put((r._semlock._count(), r._semlock._is_mine(), r.acquire(False), repr(r)))


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


if __name__ == '__main__':
    sem = Semaphore(2)
    inside, most = Value('i', 0), Value('i', 0)
    go = Event()
    visitors = [Process(target=visit, args=(sem, inside, most, go)) for _ in range(4)]
    for p in visitors:
        p.start()
    go.set()
    for p in visitors:
        p.join()
    print('at most two inside:', 1 <= most.value <= 2, inside.value, sem)

    s = Semaphore(3)
    print(s, s.get_value(), s.acquire(), s.acquire(False), s.get_value(), s)
    s.release()
    print(s.get_value())
    attempt('acquire at zero, no block', lambda: Semaphore(0).acquire(False))
    attempt('acquire at zero, timeout', lambda: Semaphore(0).acquire(timeout=0.01))
    attempt('negative timeout', lambda: Semaphore(0).acquire(True, -1))
    attempt('non-blocking ignores timeout', lambda: Semaphore(0).acquire(False, 1))
    attempt('negative value', lambda: Semaphore(-1))

    b = BoundedSemaphore(2)
    print(b, b.acquire(), b)
    b.release()
    attempt('over-release bounded', b.release)
    attempt('release unlocked Lock', Lock().release)
    attempt('release unowned RLock', RLock().release)

    lock = Lock()
    print(lock, lock.acquire(), lock, lock.acquire(timeout=0.01))
    lock.release()
    with lock:
        print(lock)
    r = RLock()
    print(r, r.acquire(), r.acquire(), r)
    r.release()
    print(r)
    r.release()
    print(r)

    # A Lock held by another process blocks this one until that process lets go.
    taken, release = Event(), Event()
    p = Process(target=hold, args=(lock, taken, release))
    p.start()
    taken.wait()
    print(lock, lock.acquire(False), lock.acquire(timeout=0.01))
    release.set()
    print(lock.acquire(timeout=5), lock)
    lock.release()
    p.join()
    print(p.exitcode)

    # A thread blocked in acquire() lets go of the GIL, so the main thread can release it.
    gate = Semaphore(0)
    got = []
    t = threading.Thread(target=lambda: got.append(gate.acquire(timeout=10)))
    t.start()
    total = sum(range(100000))
    gate.release()
    t.join()
    print(got, total)

    # Another thread of this process holds the Lock, then the RLock.
    held, release = threading.Event(), threading.Event()

    def holder(lk):
        with lk:
            held.set()
            release.wait()

    for lk in (Lock(), RLock()):
        held.clear()
        release.clear()
        t = threading.Thread(target=holder, args=(lk,))
        t.start()
        held.wait()
        print(lk, lk.acquire(False))
        release.set()
        t.join()
        print(lk)
    r = RLock()
    t = threading.Thread(target=r.acquire)
    t.start()
    t.join()
    attempt('release RLock of another thread', r.release)

    out = Queue()
    r = RLock()
    with r:
        p = Process(target=inherited, args=(r, out))
        p.start()
        print(out.get(timeout=10), r)
    p.join()
