# queues.py — Queue, SimpleQueue and JoinableQueue between processes: frames of _serial bytes in one
# pipe, with a lock for readers and one for writers so frames from several processes never mix.
import os
import time
import _serial
from queue import Empty, Full
from multiprocessing.connection import frame, read_frame, wait_readable, write_all
from multiprocessing.synchronize import (Lock, Semaphore, BoundedSemaphore, Condition,
                                         SEM_VALUE_MAX)


class SimpleQueue:
    def __init__(self):
        self._rfd, self._wfd = os.pipe()
        self._rlock = Lock()
        self._wlock = Lock()
        self._closed = False

    def empty(self):
        return not wait_readable(self._rfd, 0)

    def put(self, obj):
        data = frame(_serial.dumps(obj))
        with self._wlock:
            write_all(self._wfd, data)

    def get(self):
        with self._rlock:
            data = read_frame(self._rfd)
        return _serial.loads(data)

    def close(self):
        if not self._closed:
            self._closed = True
            os.close(self._rfd)
            os.close(self._wfd)


class Queue(SimpleQueue):
    # Unlike CPython's, put() writes to the pipe itself (no feeder thread): it can block while the
    # pipe is full, until a reader makes room. As in CPython, a bounded semaphore counts the free
    # places: put() takes one, get() gives one back, and qsize() is maxsize minus its value.
    def __init__(self, maxsize=0):
        SimpleQueue.__init__(self)
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._sem = BoundedSemaphore(maxsize)

    def put(self, obj, block=True, timeout=None):
        self._write(self._reserve(obj, block, timeout))

    def _reserve(self, obj, block, timeout):
        # Serializes obj and takes a free place, raising before anything is written.
        if self._closed:
            raise ValueError("Queue is closed")
        data = frame(_serial.dumps(obj))
        if not self._sem.acquire(block, timeout):
            raise Full
        return data

    def _write(self, data):
        with self._wlock:
            write_all(self._wfd, data)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue is closed")
        if not block:
            timeout = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._rlock.acquire(True, timeout):
            raise Empty
        try:
            left = None if deadline is None else max(0, deadline - time.monotonic())
            if not wait_readable(self._rfd, left):
                raise Empty
            data = read_frame(self._rfd)
        finally:
            self._rlock.release()
        self._sem.release()
        return _serial.loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def full(self):
        return self._sem._semlock._is_zero()

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    # CPython's design: a semaphore counts the unfinished tasks, and a condition wakes join()
    # when task_done() brings it to zero.
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        data = self._reserve(obj, block, timeout)
        # Counted before it is written, so a consumer's task_done() can never come first.
        self._unfinished_tasks.release()
        self._write(data)

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError("task_done() called too many times")
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()
