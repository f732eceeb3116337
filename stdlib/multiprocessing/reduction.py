# reduction.py — how objects cross between processes: CPython's ForkingPickler, a pickle.Pickler
# whose dispatch table a module can extend with register(); and dumps()/loads(), what Connection,
# Queue and Pool send: pickle's bytes (protocol 4), except for plain data (numbers, strings, lists,
# dicts, functions by name...), which _serial writes ~100x faster with the same result
# (docs/serialization.md). A pickle starts with byte 0x80, which no _serial value does.
import copyreg
import io
import pickle
import _multiprocessing
import _serial
from multiprocessing import context


class ForkingPickler(pickle.Pickler):
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispatch_table = self._copyreg_dispatch_table.copy()
        self.dispatch_table.update(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        # bytes rather than CPython's memoryview: minipy's getbuffer() would copy them once more.
        return buf.getvalue()

    loads = pickle.loads


register = ForkingPickler.register


def dumps(obj):
    data = _serial.dumps_plain(obj)
    return data if data is not None else ForkingPickler.dumps(obj)


def loads(data):
    return ForkingPickler.loads(data) if data[:1] == b"\x80" else _serial.loads(data)


def dump(obj, file, protocol=None):
    ForkingPickler(file, protocol).dump(obj)


# A spawned child maps the same shared memory as its parent through the descriptor handed to it
# (popen_spawn.py); anywhere else these objects cannot travel, as in CPython.
def _reduce_semlock(semlock):
    context.assert_spawning(semlock)
    fd = context.get_spawning_popen().pass_fd(semlock._fileno())
    return (_rebuild_semlock, (fd, semlock.kind, semlock.maxvalue))


def _rebuild_semlock(fd, kind, maxvalue):
    return _multiprocessing._rebuild_semlock(fd, kind, maxvalue)


def _reduce_shared_array(array):
    context.assert_spawning(array)
    fd = context.get_spawning_popen().pass_fd(array._fileno())
    return (_rebuild_shared_array, (array.typecode, len(array), fd))


def _rebuild_shared_array(typecode, length, fd):
    return _multiprocessing.SharedArray(typecode, length, fd)


register(_multiprocessing.SemLock, _reduce_semlock)
register(_multiprocessing.SharedArray, _reduce_shared_array)


# Methods travel as (the object or class, the name), as CPython's ForkingPickler sends them: a
# Manager's server process is the target type(manager)._run_server.
def _reduce_method(m):
    return (getattr, (m.__self__, m.__func__.__name__))


register(type(ForkingPickler.register), _reduce_method)


# minipy's slice and range have no __reduce__ yet (CPython's have): a ListProxy's l[1:3] sends a
# slice, m.list(range(3)) a range.
def _reduce_slice(s):
    return (slice, (s.start, s.stop, s.step))


def _reduce_range(r):
    return (range, (r.start, r.stop, r.step))


register(slice, _reduce_slice)
register(range, _reduce_range)
