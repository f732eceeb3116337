# process.py — Process objects started with os.fork(): the child is this interpreter at the moment
# of the fork, runs run() and leaves through os._exit(), so nothing of the parent's script runs
# twice. Also current_process(), parent_process(), active_children() and the exception types.
import atexit
import os
import sys
import time
import _serial


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_SIGTERM = 15
_SIGKILL = 9


class _ProcessInfo:
    # What a child knows of the process that forked it (parent_process()), and MainProcess itself.
    def __init__(self, name, pid, identity):
        self.name = name
        self.pid = pid
        self.ident = pid
        self._identity = identity
        self.daemon = False

    def is_alive(self):
        return self.pid == os.getpid() or self.pid == os.getppid()

    def __repr__(self):
        return "<_ParentProcess name=%r parent=%r>" % (self.name, self.pid)


_current_process = _ProcessInfo("MainProcess", os.getpid(), ())
_parent_process = None
_children = []
_counter = 0


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    # Reaps the children that have finished, as CPython's does, so none is left a zombie.
    for p in list(_children):
        if p._poll() is not None:
            _children.remove(p)
    return list(_children)


def _exit_function():
    # What a process does with its children as it ends, as CPython's util._exit_function:
    # daemonic ones are terminated, then every child is joined, so none is left running unasked
    # or as a zombie. The main process runs it from atexit; a child, from
    # _bootstrap(), since it leaves through os._exit().
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()


atexit.register(_exit_function)


class Process:
    # The target (or an overriding run()) executed in a forked child process.
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        global _counter
        if group is not None:
            raise AssertionError("group argument must be None for now")
        _counter += 1
        self._identity = _current_process._identity + (_counter,)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or "Process-" + ":".join(str(i) for i in self._identity)
        self._daemonic = _current_process.daemon if daemon is None else daemon
        self._parent_pid = os.getpid()
        self._pid = None
        self._exitcode = None
        self._closed = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        if self._pid is not None:
            raise AssertionError("cannot start a process twice")
        if self._parent_pid != os.getpid():
            raise AssertionError("can only start a process object created by current process")
        if _current_process.daemon:
            raise AssertionError("daemonic processes are not allowed to have children")
        active_children()
        pid = os.fork()
        if pid == 0:
            os._exit(self._bootstrap())
        self._pid = pid
        _children.append(self)

    def _bootstrap(self):
        global _current_process, _parent_process, _children, _counter
        _parent_process = _ProcessInfo(_current_process.name, self._parent_pid, _current_process._identity)
        _current_process = self
        _children = []
        _counter = 0
        try:
            self.run()
            exitcode = 0
        except SystemExit as e:
            exitcode = _exit_status(e)
        except BaseException as e:
            # CPython's report of an uncaught exception in a child: its name, then the traceback.
            exitcode = 1
            sys.stderr.write("Process %s:\n" % self._name)
            sys.stderr.write(_serial.format_exception(e))
        finally:
            _exit_function()
            sys.stdout.flush()
            sys.stderr.flush()
        return exitcode

    def _poll(self):
        if self._exitcode is None and self._pid is not None:
            pid, status = os.waitpid(self._pid, os.WNOHANG)
            if pid:
                self._exitcode = os.waitstatus_to_exitcode(status)
        return self._exitcode

    def join(self, timeout=None):
        self._check_closed()
        if self._parent_pid != os.getpid():
            raise AssertionError("can only join a child process")
        if self._pid is None:
            raise AssertionError("can only join a started process")
        if self._exitcode is None:
            if timeout is None:
                pid, status = os.waitpid(self._pid, 0)
                self._exitcode = os.waitstatus_to_exitcode(status)
            else:
                deadline = time.monotonic() + timeout
                while self._poll() is None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    time.sleep(min(0.005, left))
        if self._exitcode is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        if self._pid is None:
            return False
        return self._poll() is None

    def terminate(self):
        self._signal(_SIGTERM)

    def kill(self):
        self._signal(_SIGKILL)

    def _signal(self, sig):
        self._check_closed()
        if self._pid is not None and self._poll() is None:
            os.kill(self._pid, sig)

    def close(self):
        if self._pid is not None and self._poll() is None:
            raise ValueError("Cannot close a process while it is still running. You should first call join() or terminate().")
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
        if self._pid is not None:
            raise AssertionError("process has already started")
        self._daemonic = value

    @property
    def pid(self):
        return self._pid

    ident = pid

    @property
    def exitcode(self):
        self._check_closed()
        return self._poll()

    def __repr__(self):
        if self._pid is None:
            status = "initial"
        elif self._poll() is None:
            status = "started"
        else:
            status = "stopped exitcode=%s" % self._exitcode
        return "<%s name=%r %s%s>" % (type(self).__name__, self._name, status, " daemon" if self._daemonic else "")


def _exit_status(e):
    # SystemExit in a child: an int code is the exit code, None is 0, anything else is printed.
    code = e.args[0] if len(e.args) == 1 else (e.args or None)
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1
