# threading.py — minipy's threading module, written in Python over the native _thread module as
# CPython's Lib/threading.py is: Thread, the synchronisation primitives built from one lock type,
# and the bookkeeping that lets the interpreter wait for non-daemon threads at exit.
import _thread
import sys
from _weakrefset import WeakSet
from time import monotonic as _time

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
local = _thread._local
stack_size = _thread.stack_size
Lock = _allocate_lock


class _RLock:
    # A lock the owning thread may take again; each acquire() needs its release().
    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        state = "locked" if self._block.locked() else "unlocked"
        return f"<{state} {self.__class__.__module__}.{self.__class__.__name__} object owner={self._owner!r} count={self._count}>"

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def _at_fork_reinit(self):
        # In a forked child: free, whoever held it in the parent (logging's handlers ask this).
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Condition.wait() lets go of every level at once and takes them all back afterwards.
    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count = state[0]
        self._owner = state[1]

    def _is_owned(self):
        return self._owner == get_ident()


def RLock():
    return _RLock()


class Condition:
    # Threads wait() until another notify()s them; each waiter sleeps on a lock of its own, which
    # notify() releases.
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, "_release_save"):
            self._release_save = lock._release_save
        if hasattr(lock, "_acquire_restore"):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, "_is_owned"):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, t, v, tb):
        return self._lock.__exit__(t, v, tb)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not know its owner: held by someone is the best it can tell.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while self._waiters and n > 0:
            waiter = self._waiters.pop(0)
            waiter.release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore:
    # A counter that acquire() decrements, waiting while it is zero, and release() increments.
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return f"<{self.__class__.__module__}.{self.__class__.__name__} at {hex(id(self))}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    def __enter__(self):
        return self.acquire()

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    # A semaphore that refuses to be released above its initial value.
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    # A flag threads can wait on until another thread sets it.
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        status = "set" if self._flag else "unset"
        return f"<{self.__class__.__module__}.{self.__class__.__name__} at {hex(id(self))}: {status}>"

    def is_set(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


# Barrier states, as in CPython: filling, draining (releasing the waiters), resetting, broken.
_FILLING = 0
_DRAINING = 1
_RESETTING = -1
_BROKEN = -2


class Barrier:
    # `parties` threads each call wait(); all go on together once the last one arrives.
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self.parties = parties
        self._state = _FILLING
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self.parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Threads arriving while the previous round drains or resets wait for it to finish.
        while self._state == _DRAINING or self._state == _RESETTING:
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0:
            if self._state == _DRAINING or self._state == _RESETTING:
                self._state = _FILLING
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING or self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN


# ---- threads ----

_active_limbo_lock = RLock()
_active = {}  # ident -> Thread, for every running thread
_limbo = {}   # id(thread) -> Thread, started but not yet running
_dangling = WeakSet()  # every Thread made and not yet freed, as CPython's (test.support counts them)
_counter = 0


def _newname(template):
    global _counter
    with _active_limbo_lock:
        _counter += 1
        n = _counter
    return template + str(n)


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


# Prints "Exception in thread NAME:" and the traceback to sys.stderr; SystemExit is silent.
excepthook = _thread._excepthook
__excepthook__ = excepthook


class Thread:
    # One OS thread running run(): the target with its arguments, unless a subclass overrides it.
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-")
            if target is not None and hasattr(target, "__name__"):
                name += f" ({target.__name__})"
        self._target = target
        self.name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self.ident = None
        self.native_id = None
        self._started = Event()
        self._is_stopped = False
        # Held by the running thread until it has completely ended: join() waits by acquiring it.
        self._tstate_lock = None
        self._initialized = True
        _dangling.add(self)

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped or (self._started.is_set() and not self.is_alive()):
            status = "stopped"
        if self.daemon:
            status += " daemon"
        if self.ident is not None:
            status += " " + str(self.ident)
        return f"<{self.__class__.__name__}({self.name}, {status})>"

    def start(self):
        if not hasattr(self, "_initialized"):
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[id(self)] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except BaseException:
            with _active_limbo_lock:
                del _limbo[id(self)]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drops the references to the target and its arguments, as CPython does.
            self._target = None
            self._args = None
            self._kwargs = None

    def _bootstrap(self):
        self._tstate_lock = _thread._set_sentinel()
        self.ident = get_ident()
        self.native_id = get_native_id()
        with _active_limbo_lock:
            _active[self.ident] = self
            del _limbo[id(self)]
        self._started.set()
        # The hooks threading.settrace/setprofile set, installed in the new thread before it runs.
        if _trace_hook:
            sys.settrace(_trace_hook)
        if _profile_hook:
            sys.setprofile(_profile_hook)
        try:
            self.run()
        except BaseException as exc:
            self._invoke_excepthook(exc)
        finally:
            with _active_limbo_lock:
                if self.ident in _active:
                    del _active[self.ident]

    def _invoke_excepthook(self, exc):
        hook = excepthook
        try:
            hook(ExceptHookArgs(type(exc), exc, getattr(exc, "__traceback__", None), self))
        except BaseException as hook_exc:
            _thread._excepthook(ExceptHookArgs(type(hook_exc), hook_exc, None, self))

    def join(self, timeout=None):
        if not hasattr(self, "_initialized"):
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is None:
            acquired = self._tstate_lock.acquire()
        else:
            acquired = self._tstate_lock.acquire(True, max(timeout, 0))
        if acquired:
            self._tstate_lock.release()
            self._is_stopped = True

    def is_alive(self):
        if self._is_stopped or not self._started.is_set():
            return False
        return self._tstate_lock.locked()

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        # As CPython: the flag is fixed once start() has been called.
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = str(name)

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic


class Timer(Thread):
    # Calls function(*args, **kwargs) after `interval` seconds, unless cancel() comes first.
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    # The thread that runs __main__: alive from the start, and never a daemon.
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        self._started.set()
        self.ident = get_ident()
        self.native_id = get_native_id()
        with _active_limbo_lock:
            _active[self.ident] = self


class _DummyThread(Thread):
    # Stands for a thread started with _thread directly: always alive, always a daemon.
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-"), daemon=True)
        self._started.set()
        self.ident = get_ident()
        self.native_id = get_native_id()
        with _active_limbo_lock:
            _active[self.ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    t = _active.get(get_ident())
    if t is None:
        return _DummyThread()
    return t


def main_thread():
    return _main_thread


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


_trace_hook = None
_profile_hook = None


def settrace(func):
    """Set a trace function for all threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


def setprofile(func):
    """Set a profile function for all threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    # A call made at shutdown before the non-daemon threads are joined (concurrent.futures wakes
    # and joins its worker threads this way), last registered first, as CPython's.
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    # Called by the interpreter once __main__ is done: runs the _register_atexit calls, then waits
    # for every non-daemon thread, including those started meanwhile.
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        with _active_limbo_lock:
            threads = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t.daemon and t is not _main_thread]
        if not threads:
            return
        for t in threads:
            if t._started.is_set():
                t.join()


currentThread = current_thread
activeCount = active_count

_main_thread = _MainThread()
