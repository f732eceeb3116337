# util.py — the helpers of CPython's multiprocessing.util that other modules call (concurrent.futures
# logs through debug() and info(); CPython's managers.py, which minipy runs unchanged, needs the
# rest): logging that stays silent until log_to_stderr() or get_logger() sets a logger up;
# finalizers that run when an object dies or the process ends (Finalize); functions a forked child
# runs first (register_after_fork); locks and thread-locals that a fork leaves fresh; the process's
# temporary folder, where unix sockets are made.
import itertools
import os
import sys
import threading
import weakref

NOTSET, SUBDEBUG, DEBUG, INFO, SUBWARNING = 0, 5, 10, 20, 25
LOGGER_NAME = "multiprocessing"
DEFAULT_LOGGING_FORMAT = "[%(levelname)s/%(processName)s] %(message)s"

_logger = None


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args)


def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args)


def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args)


def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args)


def get_logger():
    # logging is imported only when a logger is asked for: most programs never do.
    global _logger
    import logging
    if not _logger:
        _logger = logging.getLogger(LOGGER_NAME)
        _logger.propagate = 0
    return _logger


def log_to_stderr(level=None):
    import logging
    logger = get_logger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(DEFAULT_LOGGING_FORMAT))
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return logger


def is_exiting():
    return sys.is_finalizing() if hasattr(sys, "is_finalizing") else False


# ---- finalizers ----
# Finalize(obj, callback, ...) calls callback once: when obj dies, when the finalizer is called,
# or at process exit when it has an exitpriority (higher first; equal ones newest first).
_finalizer_registry = {}
_finalizer_counter = itertools.count()


class Finalize:
    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError("Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = weakref.ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        # Runs the callback at most once, and only in the process that registered it (a forked
        # child inherits the object, not the duty).
        if self._key not in _finalizer_registry:
            return None
        del _finalizer_registry[self._key]
        if self._pid != os.getpid():
            return None
        callback, args, kwargs = self._callback, self._args, self._kwargs
        self._weakref = self._callback = self._args = self._kwargs = self._key = None
        return callback(*args, **kwargs)

    def cancel(self):
        if _finalizer_registry.pop(self._key, None) is not None:
            self._weakref = self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        obj = self._weakref() if getattr(self, "_weakref", None) else None
        if obj is None:
            return "<%s object, dead>" % type(self).__name__
        text = "<%s object, callback=%s" % (type(self).__name__,
                                            getattr(self._callback, "__name__", self._callback))
        if self._args:
            text += ", args=" + str(self._args)
        if self._kwargs:
            text += ", kwargs=" + str(self._kwargs)
        if self._key[0] is not None:
            text += ", exitpriority=" + str(self._key[0])
        return text + ">"


def _run_finalizers(minpriority=None):
    # The finalizers with an exitpriority of at least minpriority (None: all that have one), in
    # the order Finalize promises. One may register others while it runs; those are left for the
    # next call.
    if minpriority is None:
        wanted = lambda key: key[0] is not None
    else:
        wanted = lambda key: key[0] is not None and key[0] >= minpriority
    for key in sorted((k for k in list(_finalizer_registry) if wanted(k)), reverse=True):
        finalizer = _finalizer_registry.get(key)
        if finalizer is None:
            continue
        try:
            finalizer()
        except Exception:
            import traceback
            traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


# ---- after fork ----
_afterfork_registry = weakref.WeakValueDictionary()
_afterfork_counter = itertools.count()


def register_after_fork(obj, func):
    # func(obj) runs in each child forked while obj lives, before the child's target.
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj


def _run_after_forkers():
    for (index, ident, func), obj in sorted(_afterfork_registry.items()):
        try:
            func(obj)
        except Exception as e:
            info("after forker raised exception %s", e)


class ForkAwareThreadLock:
    # A threading.Lock that a forked child gets back unlocked, whoever held it at the fork.
    def __init__(self):
        self._reset()
        register_after_fork(self, ForkAwareThreadLock._reset)

    def _reset(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(threading.local):
    # Thread-local values that a forked child starts without (a proxy's connection, say).
    def __init__(self):
        register_after_fork(self, lambda local: local.__dict__.clear())

    def __reduce__(self):
        return type(self), ()


# ---- files ----
_temp_dir = None


def get_temp_dir():
    # One folder per process family, made on first use and removed at exit by whoever made it;
    # a forked child uses its parent's.
    global _temp_dir
    if _temp_dir is None:
        import shutil
        import tempfile
        _temp_dir = tempfile.mkdtemp(prefix="pymp-")
        info("created temp directory %s", _temp_dir)
        Finalize(None, shutil.rmtree, args=[_temp_dir], kwargs={"ignore_errors": True},
                 exitpriority=-100)
    return _temp_dir


def is_abstract_socket_namespace(address):
    # Linux's abstract unix socket names start with a NUL byte and have no file.
    if not address:
        return False
    if isinstance(address, bytes):
        return address[0] == 0
    if isinstance(address, str):
        return address[0] == "\0"
    raise TypeError("address type of %r unrecognized" % (address,))


abstract_sockets_supported = sys.platform == "linux"


def close_fds(*fds):
    for fd in fds:
        os.close(fd)
