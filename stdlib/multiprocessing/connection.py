# connection.py — Connection objects over os.pipe file descriptors, and Pipe(): each message is a
# 10-digit length header followed by the _serial bytes of the object (docs/serialization.md).
import os
import select
import _serial

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

    def send_bytes(self, data):
        self._check_closed()
        if self._wfd is None:
            raise OSError("connection is read-only")
        write_frame(self._wfd, bytes(data))

    def recv_bytes(self):
        self._check_closed()
        if self._rfd is None:
            raise OSError("connection is write-only")
        return read_frame(self._rfd)

    def send(self, obj):
        # Serialized before anything is written, so an unserializable object leaves the pipe clean.
        self.send_bytes(_serial.dumps(obj))

    def recv(self):
        return _serial.loads(self.recv_bytes())

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
