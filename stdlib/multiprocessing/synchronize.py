# synchronize.py — locks and events shared by forked processes, built on pipes: a pipe holding k
# one-byte tokens is a semaphore of value k (acquire reads a token, release writes one back), and
# the pipe's fds are inherited by every child, so the same object works in parent and children.
import os
import select
import threading
from time import monotonic as _time


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._rfd, self._wfd = os.pipe()
        if value:
            os.write(self._wfd, b"x" * value)

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        ready, _, _ = select.select([self._rfd], [], [], timeout)
        if not ready:
            return False
        # Another process may win the token between select and read; then this read waits for the
        # next release, which is what a blocking acquire does anyway.
        os.read(self._rfd, 1)
        return True

    def release(self):
        os.write(self._wfd, b"x")

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    pass


class Lock(Semaphore):
    def __init__(self):
        Semaphore.__init__(self, 1)

    def __repr__(self):
        return "<Lock(owner=unknown)>"


class RLock:
    # Re-entrant within one thread of one process: (pid, thread id) owns it and counts its acquires.
    def __init__(self):
        self._lock = Lock()
        self._owner = None
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = (os.getpid(), threading.get_ident())
        if self._owner == me:
            self._count += 1
            return True
        if not self._lock.acquire(block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != (os.getpid(), threading.get_ident()):
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


class Event:
    # Set while its pipe holds one byte; a lock keeps set() and clear() from racing each other.
    def __init__(self):
        self._lock = Lock()
        self._rfd, self._wfd = os.pipe()

    def is_set(self):
        ready, _, _ = select.select([self._rfd], [], [], 0)
        return bool(ready)

    def set(self):
        with self._lock:
            if not self.is_set():
                os.write(self._wfd, b"x")

    def clear(self):
        with self._lock:
            if self.is_set():
                os.read(self._rfd, 1)

    def wait(self, timeout=None):
        ready, _, _ = select.select([self._rfd], [], [], timeout)
        return bool(ready)
