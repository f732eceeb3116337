# queues.py — Queue, SimpleQueue and JoinableQueue between processes: frames of _serial bytes in one
# pipe, with a pipe lock for readers and one for writers so frames from several processes never mix.
import os
import select
import time
import _serial
from queue import Empty, Full
from multiprocessing.connection import frame, read_frame, wait_readable, write_all
from multiprocessing.synchronize import Lock, Semaphore


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
    # pipe is full, until a reader makes room. qsize() counts tokens in a semaphore pipe.
    def __init__(self, maxsize=0):
        SimpleQueue.__init__(self)
        self._maxsize = maxsize if maxsize > 0 else 0
        self._slots = Semaphore(maxsize) if self._maxsize else None

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue is closed")
        data = frame(_serial.dumps(obj))
        if self._slots is not None and not self._slots.acquire(block, timeout):
            raise Full
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
        if self._slots is not None:
            self._slots.release()
        return _serial.loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        raise NotImplementedError("qsize() is not implemented by minipy's pipe-based Queue")

    def full(self):
        if self._slots is None:
            return False
        return not wait_readable(self._slots._rfd, 0)

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    # Each put() adds a token to an "unfinished" pipe, each task_done() takes one; join() waits
    # until the pipe is empty.
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = Semaphore(0)

    def put(self, obj, block=True, timeout=None):
        Queue.put(self, obj, block, timeout)
        self._unfinished.release()

    def task_done(self):
        if not self._unfinished.acquire(False):
            raise ValueError("task_done() called too many times")

    def join(self):
        while wait_readable(self._unfinished._rfd, 0):
            time.sleep(0.005)
