# queues.py — Queue, SimpleQueue and JoinableQueue between processes: frames of pickled objects in
# one pipe (_reader, _writer: connection.py), with a lock for readers and one for writers so frames
# from several processes never mix.
import os
import time
from queue import Empty, Full
from multiprocessing import context
from multiprocessing.connection import Pipe, frame, read_frame, wait_readable, write_all
from multiprocessing.reduction import dumps, loads
from multiprocessing.synchronize import (Lock, Semaphore, BoundedSemaphore, Condition,
                                         SEM_VALUE_MAX)


class SimpleQueue:
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, *, ctx=None):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._closed = False

    # What a spawned child receives of a queue: its pipe and locks, not what a subclass adds
    # (concurrent.futures' queue holds the parent's thread locks).
    _shared_state = ("_reader", "_writer", "_rlock", "_wlock", "_closed")

    def __getstate__(self):
        # Only a spawned child can receive a queue (CPython's rule).
        context.assert_spawning(self)
        return {name: getattr(self, name) for name in self._shared_state}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def empty(self):
        return not self._reader.poll()

    def put(self, obj):
        data = frame(dumps(obj))
        with self._wlock:
            write_all(self._writer._wfd, data)

    def get(self):
        with self._rlock:
            data = read_frame(self._reader._rfd)
        return loads(data)

    def close(self):
        if not self._closed:
            self._closed = True
            self._reader.close()
            self._writer.close()


class Queue(SimpleQueue):
    # Unlike CPython's, put() writes to the pipe itself (no feeder thread): it can block while the
    # pipe is full, until a reader makes room. As in CPython, a bounded semaphore counts the free
    # places: put() takes one, get() gives one back, and qsize() is maxsize minus its value.
    def __init__(self, maxsize=0, *, ctx=None):
        SimpleQueue.__init__(self, ctx=ctx)
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._sem = BoundedSemaphore(maxsize)
        self._ignore_epipe = False

    _shared_state = SimpleQueue._shared_state + ("_maxsize", "_sem", "_ignore_epipe")

    def put(self, obj, block=True, timeout=None):
        data = self._reserve(obj, block, timeout)
        if data is not None:
            self._write(data)

    def _reserve(self, obj, block, timeout):
        # Takes a free place and pickles obj, before anything is written. An object that cannot be
        # pickled goes to _on_queue_feeder_error(), as CPython's feeder thread hands it there, and
        # put() returns; concurrent.futures overrides it to fail the future concerned.
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if not self._sem.acquire(block, timeout):
            raise Full
        try:
            return frame(dumps(obj))
        except Exception as e:
            self._sem.release()
            self._on_queue_feeder_error(e, obj)
            return None

    def _on_queue_feeder_error(self, e, obj):
        import traceback
        traceback.print_exc()

    def _write(self, data):
        with self._wlock:
            write_all(self._writer._wfd, data)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if not block:
            timeout = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._rlock.acquire(True, timeout):
            raise Empty
        try:
            left = None if deadline is None else max(0, deadline - time.monotonic())
            if not wait_readable(self._reader._rfd, left):
                raise Empty
            data = read_frame(self._reader._rfd)
        finally:
            self._rlock.release()
        self._sem.release()
        return loads(data)

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
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    _shared_state = Queue._shared_state + ("_unfinished_tasks", "_cond")

    def put(self, obj, block=True, timeout=None):
        data = self._reserve(obj, block, timeout)
        if data is None:
            return
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
