# synchronize.py — locks, semaphores, conditions and events shared by forked processes. Each is
# built on _multiprocessing.SemLock, a POSIX semaphore in shared memory (docs/shared_memory.md), so
# the same object works in the parent and in every child forked after it was made.
import sys
import threading
from time import monotonic as _time
from _multiprocessing import SemLock as _SemLock
from multiprocessing import context
from multiprocessing.process import current_process

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
SEM_VALUE_MAX = _SemLock.SEM_VALUE_MAX


class _LockDelegate:
    # An object that is used as its lock: acquire(), release() and `with` go straight to _lock's
    # (bound once, so an acquire costs no extra Python call).
    def __init__(self, lock):
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __getstate__(self):
        # The bound methods are bound again on arrival.
        state = dict(self.__dict__)
        del state["acquire"], state["release"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class SemLock(_LockDelegate):
    # The native semaphore is _semlock, CPython's name, which Condition and Queue read.
    def __init__(self, kind, value, maxvalue):
        self._semlock = _SemLock(kind, value, maxvalue)
        _LockDelegate.__init__(self, self._semlock)

    def __getstate__(self):
        # Only a spawned child can receive a lock (CPython's rule); it maps the same shared memory
        # through the descriptor that goes along (reduction.py).
        context.assert_spawning(self)
        return _LockDelegate.__getstate__(self)


def _owner(semlock):
    # Who holds a Lock or RLock and how often, as CPython's reprs say it: the holder by process
    # name (then "|thread" outside the main thread) when it is the caller.
    if semlock._is_mine():
        name = current_process().name
        if threading.current_thread().name != "MainThread":
            name += "|" + threading.current_thread().name
        return name, semlock._count()
    if semlock._get_value() == 1:
        return "None", 0
    if semlock._count() > 0:
        return "SomeOtherThread", "nonzero"
    return "SomeOtherProcess", "nonzero"


def _value(semlock):
    try:
        return semlock._get_value()
    except Exception:
        return "unknown"


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return "<%s(value=%s)>" % (type(self).__name__, _value(self._semlock))


class BoundedSemaphore(Semaphore):
    # A release above the initial value raises ValueError (the native maxvalue check).
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value)

    def __repr__(self):
        return "<%s(value=%s, maxvalue=%s)>" % (type(self).__name__, _value(self._semlock),
                                                self._semlock.maxvalue)


class Lock(SemLock):
    # A semaphore of maximum 1: any thread or process may release it, once.
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1)

    def __repr__(self):
        try:
            name = _owner(self._semlock)[0]
        except Exception:
            name = "unknown"
        return "<%s(owner=%s)>" % (type(self).__name__, name)


class RLock(SemLock):
    # Re-entrant for the thread that holds it; only that thread may release it.
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1)

    def __repr__(self):
        try:
            name, count = _owner(self._semlock)
        except Exception:
            name, count = "unknown", "unknown"
        return "<%s(%s, %s)>" % (type(self).__name__, name, count)


class Condition(_LockDelegate):
    # A condition variable made of three semaphores, as CPython's: waiters announce themselves in
    # _sleeping, sleep on _wait_semaphore, and confirm their wake-up in _woken, so notify() knows
    # how many it woke even when some sleepers gave up on a timeout meanwhile.
    def __init__(self, lock=None, *, ctx=None):
        _LockDelegate.__init__(self, lock or RLock())
        self._sleeping = Semaphore(0)
        self._woken = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def __repr__(self):
        try:
            waiters = self._sleeping._semlock._get_value() - self._woken._semlock._get_value()
        except Exception:
            waiters = "unknown"
        return "<%s(%s, %s)>" % (type(self).__name__, self._lock, waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), "must acquire() condition before using wait()"
        self._sleeping.release()
        # An RLock may be held several times over: let go of it completely while asleep.
        depth = self._lock._semlock._count()
        for _ in range(depth):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken.release()
            for _ in range(depth):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), "lock is not owned"
        assert not self._wait_semaphore.acquire(False)
        # Sleepers that timed out confirmed a wake-up nobody sent; settle those first.
        while self._woken.acquire(False):
            settled = self._sleeping.acquire(False)
            assert settled
        woken = 0
        while woken < n and self._sleeping.acquire(False):
            self._wait_semaphore.release()
            woken += 1
        if woken:
            for _ in range(woken):
                self._woken.acquire()
            # A sleeper that timed out just as it was notified leaves its wake-up behind: drop it.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        deadline = None if timeout is None else _time() + timeout
        left = timeout
        while not result:
            if deadline is not None:
                left = deadline - _time()
                if left <= 0:
                    break
            self.wait(left)
            result = predicate()
        return result


class Event:
    # Set while _flag holds one token; _cond wakes the processes waiting for it.
    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier(threading.Barrier):
    # threading.Barrier's algorithm over a Condition and a state and count that live in shared
    # memory, as CPython's: every process waiting on it sees the same barrier.
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        from multiprocessing.sharedctypes import RawArray
        self._shared = RawArray("i", 2)
        threading.Barrier.__init__(self, parties, action, timeout)
        self._cond = Condition()

    @property
    def _state(self):
        return self._shared[0]

    @_state.setter
    def _state(self, value):
        self._shared[0] = value

    @property
    def _count(self):
        return self._shared[1]

    @_count.setter
    def _count(self, value):
        self._shared[1] = value
