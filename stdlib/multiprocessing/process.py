# process.py — Process objects: what a process runs and how its parent follows it, whatever the start
# method (popen_fork.py, popen_spawn.py start the child). Also current_process(), parent_process(),
# active_children() and the exception types.
import atexit
import os
import sys


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class AuthenticationString(bytes):
    # The key a manager and its clients prove they share (connection.deliver_challenge): it is
    # never pickled, except for a spawned child, which must know it.
    def __reduce__(self):
        from multiprocessing.context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError("Pickling an AuthenticationString object is "
                            "disallowed for security reasons")
        return AuthenticationString, (bytes(self),)


class _ProcessInfo:
    # What a child knows of the process that forked it (parent_process()), and MainProcess itself.
    def __init__(self, name, pid, identity):
        self.name = name
        self.pid = pid
        self.ident = pid
        self._identity = identity
        self.daemon = False
        self.authkey = AuthenticationString(os.urandom(32))

    def is_alive(self):
        if self.pid == os.getpid() or self.pid == os.getppid():
            return True
        # A child of the fork server has the server for parent; ask whether its real one exists.
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        return True

    def __repr__(self):
        # CPython's names: _MainProcess for the process itself, _ParentProcess for its parent.
        if self.pid == os.getpid():
            return "<_MainProcess name=%r parent=None started>" % self.name
        return "<_ParentProcess name=%r parent=None unknown>" % self.name


_current_process = _ProcessInfo("MainProcess", os.getpid(), ())
_parent_process = None
_children = []
_counter = 0


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def _forget_child(p):
    # Several threads may reap the same child at once (a ProcessPoolExecutor's manager thread and
    # the thread that submits, in minipy-ft): the first removes it, the others find it gone, as with
    # CPython's set.discard.
    try:
        _children.remove(p)
    except ValueError:
        pass


def active_children():
    # Reaps the children that have finished, as CPython's does, so none is left a zombie.
    for p in list(_children):
        if p._poll() is not None:
            _forget_child(p)
    return list(_children)


def _exit_function():
    # What a process does with its children as it ends, as CPython's util._exit_function:
    # daemonic ones are terminated, then every child is joined, so none is left running unasked
    # or as a zombie. The main process runs it from atexit; a child, from
    # _bootstrap(), since it leaves through os._exit(). Finalizers of priority 0 and up (a
    # Manager's shutdown, its proxies' goodbyes) run before, the others (the temporary folder's
    # removal) after.
    from multiprocessing import util
    util._run_finalizers(0)
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
    util._run_finalizers()


atexit.register(_exit_function)


class BaseProcess:
    # The target (or an overriding run()) executed in a child process. How the child is started is
    # the _Popen of the class: a context's Process (context.py) names its start method; Process
    # below asks the default context.
    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        global _counter
        if group is not None:
            raise AssertionError("group argument must be None for now")
        _counter += 1
        self._identity = _current_process._identity + (_counter,)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + "-" + ":".join(str(i) for i in self._identity)
        self._daemonic = _current_process.daemon if daemon is None else daemon
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._authkey = _current_process.authkey
        self._popen = None
        self._closed = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        if self._popen is not None:
            raise AssertionError("cannot start a process twice")
        if self._parent_pid != os.getpid():
            raise AssertionError("can only start a process object created by current process")
        if _current_process.daemon:
            raise AssertionError("daemonic processes are not allowed to have children")
        active_children()
        self._popen = self._Popen(self)
        _children.append(self)

    def __getstate__(self):
        # What a spawned child receives (spawn.py): everything but the parent's handle on it.
        state = dict(self.__dict__)
        state["_popen"] = None
        return state

    def _bootstrap(self):
        global _current_process, _parent_process, _children, _counter
        _parent_process = _ProcessInfo(self._parent_name, self._parent_pid, self._identity[:-1])
        _current_process = self
        _children = []
        _counter = 0
        try:
            # What the parent left to its own finalizers is not this process's to do; what it
            # registered to run after a fork is.
            from multiprocessing import util
            util._finalizer_registry.clear()
            util._run_after_forkers()
            self.run()
            exitcode = 0
        except SystemExit as e:
            exitcode = _exit_status(e)
        except BaseException:
            # CPython's report of an uncaught exception in a child: its name, then the traceback.
            exitcode = 1
            import traceback
            sys.stderr.write("Process %s:\n" % self._name)
            traceback.print_exc()
        finally:
            _exit_function()
            sys.stdout.flush()
            sys.stderr.flush()
        return exitcode

    def _poll(self):
        return None if self._popen is None else self._popen.poll()

    def join(self, timeout=None):
        self._check_closed()
        if self._parent_pid != os.getpid():
            raise AssertionError("can only join a child process")
        if self._popen is None:
            raise AssertionError("can only join a started process")
        if self._popen.wait(timeout) is not None:
            _forget_child(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        if self._popen is None:
            return False
        return self._popen.poll() is None

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.terminate()

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.kill()

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            _forget_child(self)
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._popen is not None:
            raise AssertionError("process has already started")
        self._daemonic = value

    @property
    def authkey(self):
        return self._authkey

    @authkey.setter
    def authkey(self, key):
        self._authkey = AuthenticationString(key)

    @property
    def pid(self):
        return None if self._popen is None else self._popen.pid

    ident = pid

    @property
    def exitcode(self):
        self._check_closed()
        return self._poll()

    @property
    def sentinel(self):
        # A file descriptor that becomes readable when the process ends (connection.wait).
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        return self._popen.sentinel

    def __repr__(self):
        # CPython's: name, pid once started, parent's pid, state, and an exit code by signal name
        # when a signal ended the process.
        parts = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            parts.append("pid=%s" % self._popen.pid)
        parts.append("parent=%s" % self._parent_pid)
        if self is _current_process:
            parts.append("started")
        elif self._closed:
            parts.append("closed")
        elif self._parent_pid != os.getpid():
            parts.append("unknown")
        elif self._popen is None:
            parts.append("initial")
        elif self._popen.poll() is None:
            parts.append("started")
        else:
            parts.append("stopped")
            parts.append("exitcode=%s" % _exitcode_name(self._popen.returncode))
        if self._daemonic:
            parts.append("daemon")
        return "<%s>" % " ".join(parts)


class Process(BaseProcess):
    @staticmethod
    def _Popen(process_obj):
        from multiprocessing.context import _default_context
        return _default_context.get_context().Process._Popen(process_obj)


def _exitcode_name(code):
    # -15 reads -SIGTERM, as in CPython's reprs.
    if code < 0:
        import signal
        try:
            return "-" + signal.Signals(-code).name
        except ValueError:
            pass
    return code


def _exit_status(e):
    # SystemExit in a child: an int code is the exit code, None is 0, anything else is printed.
    code = e.args[0] if len(e.args) == 1 else (e.args or None)
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1
