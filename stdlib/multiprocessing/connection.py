# connection.py — Connection objects over os.pipe file descriptors, Pipe(), and wait() on several
# connections and process sentinels at once. Each message is a 10-digit length header followed by
# the bytes: send() sends the object pickled (reduction.dumps).
import os
import select
import time
from multiprocessing import context, reduction

_HEADER = 10


def _read_exact(fd, n):
    # A pipe hands over at most what is in it; keep reading until the whole frame is here.
    chunks = []
    while n > 0:
        chunk = os.read(fd, min(n, 65536))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def write_all(fd, data):
    # A signal can cut a pipe write short; the rest is written after it.
    while data:
        data = data[os.write(fd, data):]


def frame(data):
    return ("%010d" % len(data)).encode() + data


def write_frame(fd, data):
    write_all(fd, frame(data))


def read_frame(fd):
    size = int(_read_exact(fd, _HEADER).decode())
    return _read_exact(fd, size)


def wait_readable(fd, timeout):
    # True when fd has data (or its writers are gone) within timeout seconds; None waits for ever.
    ready, _, _ = select.select([fd], [], [], timeout)
    return bool(ready)


class Connection:
    # One end of a Pipe: reads from _rfd, writes to _wfd (either may be None for a one-way pipe).
    def __init__(self, rfd, wfd):
        self._rfd = rfd
        self._wfd = wfd
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._rfd is not None

    @property
    def writable(self):
        return self._wfd is not None

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def fileno(self):
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        if self._wfd is None:
            raise OSError("connection is read-only")
        data = bytes(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if len(data) < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = len(data) - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > len(data):
            raise ValueError("buffer length < offset + size")
        write_frame(self._wfd, data[offset:offset + size])

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        if self._rfd is None:
            raise OSError("connection is write-only")
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = read_frame(self._rfd)
        if maxlength is not None and len(data) > maxlength:
            self.close()
            raise OSError("bad message length")
        return data

    def send(self, obj):
        # Pickled before anything is written, so an unpicklable object leaves the pipe clean.
        self.send_bytes(reduction.dumps(obj))

    def recv(self):
        return reduction.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        self._check_closed()
        if self._rfd is None:
            raise OSError("connection is write-only")
        return wait_readable(self._rfd, timeout)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for fd in (self._rfd, self._wfd):
            if fd is not None:
                os.close(fd)

    def __reduce__(self):
        # Only a spawned child can receive a connection: its descriptors go along (popen_spawn.py).
        context.assert_spawning(self)
        popen = context.get_spawning_popen()
        return (Connection, (popen.pass_fd(self._rfd), popen.pass_fd(self._wfd)))

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.close()


def Pipe(duplex=True):
    # Two os.pipe pairs make a duplex pipe; one pair a one-way (receiver, sender) pipe.
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = os.pipe()
    return Connection(r, None), Connection(None, w)


def wait(object_list, timeout=None):
    # The objects of object_list that are ready: connections with data (or whose writers are
    # gone), process sentinels of ended processes, anything with fileno(); waits up to timeout
    # seconds (None: until one is ready).
    fds = [obj if isinstance(obj, int) else obj.fileno() for obj in object_list]
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            ready, _, _ = select.select(fds, [], [], left)
        except InterruptedError:
            continue
        return [obj for obj, fd in zip(object_list, fds) if fd in ready]
