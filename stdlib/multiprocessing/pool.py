# pool.py — Pool: worker processes (started by the pool's context: fork, spawn or forkserver), each
# reading pickled tasks from one shared task pipe and writing results to one shared result pipe.
# The parent reads results whenever it waits (get(), wait(), ready()), and while it writes tasks,
# so neither pipe can fill up with both sides blocked. Only while calls with a callback are
# pending does a thread read them too, so callbacks run whether or not anyone waits, as they do
# from CPython's result-handler thread. ThreadPool (multiprocessing.dummy's Pool) keeps the API
# with threads of this process as the workers.
import os
import queue
import select
import sys
import threading
import time
import traceback
from multiprocessing import context as _context
from multiprocessing.connection import Connection, frame, read_frame, write_frame
from multiprocessing.process import TimeoutError
from multiprocessing.reduction import dumps as _dumps, loads as _loads
from multiprocessing.synchronize import Lock

_MAP, _STARMAP, _APPLY = 0, 1, 2
_RUN, _CLOSE, _TERMINATE = 0, 1, 2
# How often a waiting parent checks that its workers are still alive.
_CHECK_INTERVAL = 0.05


class RemoteTraceback(Exception):
    def __str__(self):
        return self.args[0]


def _failure(e):
    # What a worker sends back for an exception: the exception (or, when it cannot be pickled,
    # MaybeEncodingError naming it) and its traceback text.
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    try:
        _dumps(e)
    except Exception as pickling_error:
        e = MaybeEncodingError(pickling_error, e)
    return (e, text)


class MaybeEncodingError(Exception):
    # CPython's wrapper for a result or exception that could not be pickled back.
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _run_task(func, chunk, mode):
    if mode == _MAP:
        return [func(x) for x in chunk]
    if mode == _STARMAP:
        return [func(*x) for x in chunk]
    args, kwds = chunk
    return func(*args, **kwds)


def _worker(tasks_r, tasks_lock, results_w, results_lock, maxtasks):
    # Runs tasks until the sentinel None, or until maxtasks are done (the pool then starts a
    # fresh worker in its place).
    done = 0
    while maxtasks is None or done < maxtasks:
        with tasks_lock:
            try:
                data = read_frame(tasks_r)
            except EOFError:
                return
        task = _loads(data)
        if task is None:
            return
        job, index, func, chunk, mode = task
        try:
            reply = (job, index, True, _run_task(func, chunk, mode))
        except Exception as e:
            reply = (job, index, False, _failure(e))
        try:
            data = _dumps(reply)
        except Exception as e:
            data = _dumps((job, index, False, (MaybeEncodingError(e, reply[3]), "")))
        with results_lock:
            write_frame(results_w, data)
        done += 1
    # Retiring: the pool reads this before it can see the process end, and starts a new worker.
    with results_lock:
        write_frame(results_w, _dumps((None, os.getpid(), None, None)))


def _start_worker(pool):
    # A worker is the context's Process running _run_worker, named as CPython names it
    # (ForkPoolWorker-1, SpawnPoolWorker-1, ...). Its arguments are what a spawned worker receives
    # pickled: the pipe ends as connections, the locks, the initializer.
    w = pool._ctx.Process(target=_run_worker,
                          args=(Connection(pool._tasks_r, None), pool._tasks_lock,
                                Connection(None, pool._results_w), pool._results_lock,
                                pool._initializer, pool._initargs, pool._maxtasksperchild))
    w._name = w._name.replace("Process", "PoolWorker")
    w.daemon = True
    w.start()
    return w


def _run_worker(tasks, tasks_lock, results, results_lock, initializer, initargs, maxtasks):
    if initializer is not None:
        initializer(*initargs)
    _worker(tasks._rfd, tasks_lock, results._wfd, results_lock, maxtasks)


def _remote_exception(failure):
    # The worker's exception, with its traceback text as the cause, as CPython shows it. A
    # ThreadPool's worker hands over the exception itself (no text): it is raised as it is.
    exc, text = failure
    if text is None:
        return exc
    try:
        exc.__cause__ = RemoteTraceback('\n"""\n' + text + '"""')
    except Exception:
        pass
    return exc


class _ChunkFailure:
    # What an imap chunk that raised holds: the exception, raised when the iteration gets there.
    def __init__(self, exc):
        self.exc = exc


class ApplyResult:
    # The result of one call: a list of chunks that fills in as workers answer. A failing chunk
    # ends the call, except for imap's (per_chunk), which keeps the results around it.
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, pool, nchunks, single, callback, error_callback, per_chunk=False):
        self._pool = pool
        self._per_chunk = per_chunk
        self._chunks = [None] * nchunks
        self._arrived = []
        self._left = nchunks
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._success = True
        self._value = []
        self._done = nchunks == 0
        if self._done and callback is not None:
            callback(self._value)

    def _set(self, index, ok, value):
        if self._done:
            return
        if not ok:
            if not self._per_chunk:
                self._fail(value)
                return
            value = _ChunkFailure(_remote_exception(value))
        self._chunks[index] = value
        self._arrived.append(index)
        self._left -= 1
        if self._left == 0:
            if self._single:
                self._value = self._chunks[0]
            elif self._per_chunk:
                self._value = None  # read by the iterator, chunk by chunk
            else:
                self._value = [x for chunk in self._chunks for x in chunk]
            self._done = True
            if self._callback is not None:
                self._callback(self._value)

    def _fail(self, failure):
        exc = _remote_exception(failure)
        self._success = False
        self._value = exc
        self._done = True
        if self._error_callback is not None:
            self._error_callback(exc)

    def ready(self):
        self._pool._pump(self, 0)
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._pool._pump(self, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._done:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value


AsyncResult = ApplyResult
MapResult = AsyncResult


class _IMapIterator:
    # Yields a map's results chunk by chunk as they arrive: in order, or as they come (unordered).
    def __init__(self, result, ordered):
        self._result = result
        self._ordered = ordered
        self._next_chunk = 0
        self._items = []

    def __iter__(self):
        return self

    def next(self, timeout=None):
        # The next result; multiprocessing.TimeoutError if none comes within timeout seconds.
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._items:
            r = self._result
            if self._next_chunk == len(r._chunks):
                raise StopIteration
            while True:
                if r._done and not r._success:
                    raise r._value
                if self._ordered:
                    if self._next_chunk in r._arrived:
                        chunk = r._chunks[self._next_chunk]
                        break
                elif self._next_chunk < len(r._arrived):
                    chunk = r._chunks[r._arrived[self._next_chunk]]
                    break
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise TimeoutError
                r._pool._pump_once(left)
            self._next_chunk += 1
            if isinstance(chunk, _ChunkFailure):
                raise chunk.exc
            self._items = list(chunk)
        return self._items.pop(0)

    __next__ = next


def _checked_pool_size(processes, initializer):
    # Pool's and ThreadPool's shared argument checks, with CPython's messages.
    if processes is None:
        processes = os.cpu_count() or 1
    if processes < 1:
        raise ValueError("Number of processes must be at least 1")
    if initializer is not None and not callable(initializer):
        raise TypeError("initializer must be a callable")
    return processes


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._ctx = context or _context._default_context.get_context()
        processes = _checked_pool_size(processes, initializer)
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        self._maxtasksperchild = maxtasksperchild
        self._processes = processes
        self._tasks_r, self._tasks_w = os.pipe()
        self._results_r, self._results_w = os.pipe()
        self._tasks_lock = Lock()
        self._results_lock = Lock()
        self._io_lock = threading.RLock()
        self._callback_thread = None
        self._jobs = {}
        self._next_job = 0
        self._state = _RUN
        self._broken = None
        self._initializer = initializer
        self._initargs = initargs
        # The pool keeps every pipe end open: a worker that retires after maxtasksperchild tasks is
        # replaced by a new one, which needs the workers' ends.
        self._workers = [_start_worker(self) for i in range(processes)]

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")

    # ---- submitting ----
    def _submit(self, func, chunks, mode, single, callback=None, error_callback=None, per_chunk=False):
        self._check_running()
        with self._io_lock:
            job = self._next_job
            # Everything is serialized before anything is sent: an unserializable argument fails
            # here, in the caller, and leaves the pipes clean.
            data = b"".join(frame(_dumps((job, i, func, c, mode))) for i, c in enumerate(chunks))
            self._next_job += 1
            result = AsyncResult(self, len(chunks), single, callback, error_callback, per_chunk)
            if not result._done:
                self._jobs[job] = result
                if (callback or error_callback) and self._callback_thread is None:
                    self._callback_thread = threading.Thread(target=self._serve_callbacks, daemon=True)
                    self._callback_thread.start()
                self._send(data)
        return result

    def _serve_callbacks(self):
        # Reads results until no pending call has a callback (or the pool is gone). It waits for
        # them without the I/O lock, so a caller of get() is never kept from reading its own.
        while True:
            with self._io_lock:
                if self._state == _TERMINATE or self._broken is not None or not any(
                        r._callback or r._error_callback for r in self._jobs.values()):
                    self._callback_thread = None
                    return
                results_r = self._results_r
            try:
                select.select([results_r], [], [], _CHECK_INTERVAL)
            except (OSError, ValueError):
                continue  # terminate() closed the pipe meanwhile
            # Whoever held the lock may have read it first: _pump_once only reads what is there.
            with self._io_lock:
                if self._results_r is not None:
                    self._pump_once(0)

    def _send(self, data):
        # Writes at most a pipe's atomic size when select says there is room, reading results in
        # between, so a full task pipe and a full result pipe never wait on each other.
        offset = 0
        while offset < len(data):
            readable, writable, _ = select.select([self._results_r], [self._tasks_w], [], _CHECK_INTERVAL)
            if readable:
                self._read_result()
            elif writable:
                offset += os.write(self._tasks_w, data[offset:offset + 4096])
            else:
                self._check_workers()

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    # ---- collecting ----
    def _read_result(self):
        job, index, ok, value = _loads(read_frame(self._results_r))
        if job is None:
            self._replace_worker(index)
            return
        result = self._jobs.get(job)
        if result is not None:
            result._set(index, ok, value)
            if result._done:
                del self._jobs[job]

    def _pump_once(self, timeout):
        # Reads one result if one comes within timeout (None: until one comes or a worker dies).
        with self._io_lock:
            if self._broken is not None:
                return
            slice_ = _CHECK_INTERVAL if timeout is None else min(timeout, _CHECK_INTERVAL)
            readable, _, _ = select.select([self._results_r], [], [], slice_)
            if readable:
                self._read_result()
            else:
                self._check_workers()

    def _pump(self, result, timeout):
        deadline = None if timeout is None else time.monotonic() + timeout
        while not result._done:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                with self._io_lock:
                    if select.select([self._results_r], [], [], 0)[0]:
                        self._read_result()
                        continue
                return
            self._pump_once(left)

    def _check_workers(self):
        # A worker that died (killed, crashed) took its task with it: every pending call fails
        # rather than waiting for ever, and the pool accepts no more work.
        if self._state != _RUN and self._state != _CLOSE:
            return
        for w in self._workers:
            code = w._poll()
            # After close() a worker ends (status 0) once it reads its sentinel; that is no death.
            if code is not None and (code != 0 or self._state == _RUN):
                self._broken = RuntimeError("A worker process (%s, pid %d) died unexpectedly with exit code %d" % (w.name, w.pid, code))
                self._state = _TERMINATE
                for result in list(self._jobs.values()):
                    result._fail((self._broken, ""))
                self._jobs.clear()
                self._kill_workers()
                return

    def _replace_worker(self, pid):
        for i, w in enumerate(self._workers):
            if w.pid == pid:
                w.join()
                if self._state != _TERMINATE:
                    self._workers[i] = _start_worker(self)
                return

    # ---- the public API ----
    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit(func, [(tuple(args), dict(kwds))], _APPLY, True, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, self._chunks(iterable, chunksize), _MAP, False, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, self._chunks(iterable, chunksize), _STARMAP, False, callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def _imap(self, func, iterable, chunksize, ordered):
        # As CPython: with chunks of one, the iterator itself, which goes on after an item that
        # raised; with bigger chunks, a generator over it, which an exception ends.
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = self._submit(func, self._chunks(iterable, chunksize), _MAP, False, per_chunk=True)
        iterator = _IMapIterator(result, ordered)
        if chunksize == 1:
            return iterator
        return (item for item in iterator)

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        if self._state == _CLOSE:
            # One sentinel per worker: each stops after the tasks queued before it.
            self._send(frame(_dumps(None)) * len(self._workers))
            # Workers that retire meanwhile (maxtasksperchild) are replaced while results are read,
            # until every worker has taken its sentinel.
            while self._state == _CLOSE and any(w.is_alive() for w in self._workers):
                self._pump_once(None)
        for w in self._workers:
            w.join()
        self._close_pipes()

    def terminate(self):
        self._state = _TERMINATE
        self._kill_workers()
        self._close_pipes()

    def _kill_workers(self):
        for w in self._workers:
            w.terminate()
        for w in self._workers:
            w.join()

    def _close_pipes(self):
        with self._io_lock:
            if self._tasks_w is not None:
                for fd in (self._tasks_r, self._tasks_w, self._results_r, self._results_w):
                    os.close(fd)
                self._tasks_w = self._results_r = None

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, t, v, tb):
        self.terminate()

    def __repr__(self):
        state = ("RUN", "CLOSE", "TERMINATE")[self._state]
        cls = type(self)
        return "<%s.%s state=%s pool_size=%d>" % (cls.__module__, cls.__qualname__, state, self._processes)


class ThreadPool(Pool):
    # The same API with threads of this process as the workers (multiprocessing.dummy.Pool is
    # this class): tasks go through a queue as they are, nothing is pickled, and a worker hands its
    # answer straight to the AsyncResult, running its callback, while callers waiting for results
    # sleep on a condition. Exceptions reach get() as raised, without a remote traceback.
    def __init__(self, processes=None, initializer=None, initargs=()):
        processes = _checked_pool_size(processes, initializer)
        self._processes = processes
        self._tasks = queue.SimpleQueue()
        self._io_lock = threading.RLock()
        self._arrived = threading.Condition(self._io_lock)
        self._jobs = {}
        self._next_job = 0
        self._state = _RUN
        self._broken = None
        self._workers = [threading.Thread(target=self._work, args=(initializer, initargs), daemon=True)
                         for i in range(processes)]
        for w in self._workers:
            w.start()

    def _work(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None:
                return
            job, index, func, chunk, mode = task
            try:
                ok, value = True, _run_task(func, chunk, mode)
            except Exception as e:
                ok, value = False, (e, None)
            del task, func, chunk  # not kept alive while waiting for the next task
            with self._arrived:
                result = self._jobs.get(job)
                if result is not None:
                    result._set(index, ok, value)
                    if result._done:
                        del self._jobs[job]
                self._arrived.notify_all()

    def _submit(self, func, chunks, mode, single, callback=None, error_callback=None, per_chunk=False):
        self._check_running()
        with self._io_lock:
            job = self._next_job
            self._next_job += 1
            result = AsyncResult(self, len(chunks), single, callback, error_callback, per_chunk)
            if not result._done:
                self._jobs[job] = result
                for i, c in enumerate(chunks):
                    self._tasks.put((job, i, func, c, mode))
        return result

    def _pump_once(self, timeout):
        # Waits for the next answer, at most timeout seconds; in slices, as the caller tested for
        # its result before taking the lock, and an answer may have come in between.
        with self._arrived:
            self._arrived.wait(_CHECK_INTERVAL if timeout is None else min(timeout, _CHECK_INTERVAL))

    def _pump(self, result, timeout):
        with self._arrived:
            self._arrived.wait_for(lambda: result._done, timeout)

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        if self._state == _CLOSE:
            for w in self._workers:  # one sentinel each, after the tasks already queued
                self._tasks.put(None)
        for w in self._workers:
            w.join()

    def terminate(self):
        # Threads cannot be killed: the tasks not yet started are dropped and each worker stops
        # after its current one, as in CPython.
        if self._state != _TERMINATE:
            self._state = _TERMINATE
            try:
                while True:
                    self._tasks.get_nowait()
            except queue.Empty:
                pass
            for w in self._workers:
                self._tasks.put(None)
        for w in self._workers:
            if w is not threading.current_thread():
                w.join()
