# multiprocessing — CPython's multiprocessing API for minipy, with the 'fork' start method only:
# each process has its own interpreter and GIL, so CPU-bound work runs in parallel in both flavors.
# Objects travel between processes in the _serial format (docs/serialization.md); Value, Array and
# the locks live in memory the processes share (docs/shared_memory.md).
import os
from multiprocessing.process import (Process, ProcessError, BufferTooShort, TimeoutError,
                                     AuthenticationError, current_process, parent_process,
                                     active_children)
from multiprocessing.connection import Pipe
from multiprocessing.queues import Queue, SimpleQueue, JoinableQueue
from multiprocessing.synchronize import (Lock, RLock, Semaphore, BoundedSemaphore, Condition,
                                         Event)
from multiprocessing.sharedctypes import Value, Array, RawValue, RawArray
from multiprocessing.pool import Pool
from _serial import PicklingError

__all__ = ["Process", "Pool", "Queue", "SimpleQueue", "JoinableQueue", "Pipe", "Lock", "RLock",
           "Semaphore", "BoundedSemaphore", "Condition", "Event", "Value", "Array", "RawValue",
           "RawArray", "current_process", "parent_process",
           "active_children", "cpu_count", "get_start_method", "set_start_method",
           "get_all_start_methods", "ProcessError", "BufferTooShort", "TimeoutError",
           "AuthenticationError", "PicklingError"]


def cpu_count():
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError("cannot determine number of cpus")
    return n


def get_all_start_methods():
    return ["fork"]


def get_start_method(allow_none=False):
    return "fork"


def set_start_method(method, force=False):
    # Only 'fork' exists in minipy; CPython's error for an unknown method names it the same way.
    if method != "fork":
        raise ValueError("cannot find context for %r" % (method,))


def freeze_support():
    pass
