# connection.py — Connection objects over os.pipe file descriptors or a socket, Pipe(), wait() on
# several connections and process sentinels at once, and Listener/Client: connections between
# unrelated processes over a unix (or TCP) socket, proved with a shared key (deliver_challenge),
# which a Manager's server and its proxies use. Each message is a 10-digit length header followed
# by the bytes: send() sends the object pickled (reduction.dumps).
import hashlib
import hmac
import os
import select
import socket
import time
from multiprocessing import context, reduction, util
from multiprocessing.process import AuthenticationError

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
        # A socket's connection reads and writes the same descriptor.
        for fd in {self._rfd, self._wfd}:
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


# ---- Listener and Client ----
families = ["AF_INET", "AF_UNIX"]
default_family = "AF_UNIX"


def arbitrary_address(family):
    if family == "AF_INET":
        return ("localhost", 0)
    if family == "AF_UNIX":
        import tempfile
        return tempfile.mktemp(prefix="listener-", dir=util.get_temp_dir())
    raise ValueError("unrecognized family")


def address_type(address):
    # A (host, port) tuple is TCP; a path (or an abstract name) a unix socket.
    if type(address) == tuple:
        return "AF_INET"
    if type(address) is str and address.startswith("\\\\"):
        return "AF_PIPE"
    if type(address) is str or util.is_abstract_socket_namespace(address):
        return "AF_UNIX"
    raise ValueError("address type of %r unrecognized" % (address,))


def _check_family(family):
    if family not in families:
        raise ValueError("Family %s is not recognized." % family)


def _connection_of(sock):
    # The socket's descriptor becomes the connection's, for reading and writing.
    fd = sock.detach()
    return Connection(fd, fd)


class Listener:
    # Accepts connections at address; with an authkey, each must prove it knows the key (and the
    # listener proves it too) before accept() returns it.
    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        _check_family(family)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError("authkey should be a byte string")
        self._socket = socket.socket(getattr(socket, family))
        try:
            if family == "AF_INET":
                self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind(address)
            self._socket.listen(backlog)
        except OSError:
            self._socket.close()
            raise
        self._address = self._socket.getsockname()
        self._authkey = authkey
        self._last_accepted = None
        # The socket file goes when the listener does, or at exit at the latest.
        if family == "AF_UNIX" and not util.is_abstract_socket_namespace(address):
            self._unlink = util.Finalize(self, os.unlink, args=(address,), exitpriority=0)
        else:
            self._unlink = None

    def accept(self):
        if self._socket is None:
            raise OSError("listener is closed")
        while True:
            try:
                sock, self._last_accepted = self._socket.accept()
                break
            except InterruptedError:
                pass
        c = _connection_of(sock)
        if self._authkey is not None:
            deliver_challenge(c, self._authkey)
            answer_challenge(c, self._authkey)
        return c

    def close(self):
        sock, self._socket = self._socket, None
        if sock is not None:
            sock.close()
            if self._unlink is not None:
                self._unlink()

    @property
    def address(self):
        return self._address

    @property
    def last_accepted(self):
        return self._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, *exc_args):
        self.close()


def Client(address, family=None, authkey=None):
    family = family or address_type(address)
    _check_family(family)
    sock = socket.socket(getattr(socket, family))
    try:
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    c = _connection_of(sock)
    if authkey is not None:
        answer_challenge(c, authkey)
        deliver_challenge(c, authkey)
    return c


# ---- authentication ----
# The listener sends random bytes; the client answers with their HMAC under the shared key, which
# only a holder of the key can compute; then the roles swap. The key itself never travels.
_MESSAGE_LENGTH = 20
_CHALLENGE = b"#CHALLENGE#"
_WELCOME = b"#WELCOME#"
_FAILURE = b"#FAILURE#"


def _digest(authkey, message):
    # HMAC-MD5 (RFC 2104), what CPython 3.11 sends, written out: Lib/hmac.py pads the key with
    # bytes.ljust, which minipy's bytes lacks so far.
    block = 64
    key = bytes(authkey)
    if len(key) > block:
        key = hashlib.md5(key).digest()
    key = key + bytes(block - len(key))
    inner = hashlib.md5(bytes(k ^ 0x36 for k in key) + message).digest()
    return hashlib.md5(bytes(k ^ 0x5C for k in key) + inner).digest()


def deliver_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = os.urandom(_MESSAGE_LENGTH)
    connection.send_bytes(_CHALLENGE + message)
    response = connection.recv_bytes(256)
    if hmac.compare_digest(response, _digest(authkey, message)):
        connection.send_bytes(_WELCOME)
    else:
        connection.send_bytes(_FAILURE)
        raise AuthenticationError("digest received was wrong")


def answer_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)
    assert message[:len(_CHALLENGE)] == _CHALLENGE, "message = %r" % message
    connection.send_bytes(_digest(authkey, message[len(_CHALLENGE):]))
    if connection.recv_bytes(256) != _WELCOME:
        raise AuthenticationError("digest sent was rejected")


# ---- XML-RPC serialization (a Manager's serializer='xmlrpclib') ----
class _XmlConnection:
    # A connection whose messages are xmlrpc documents rather than pickles.
    def __init__(self, conn):
        import xmlrpc.client
        self._conn = conn
        self._xmlrpc = xmlrpc.client
        for name in ("fileno", "close", "poll", "recv_bytes", "send_bytes"):
            setattr(self, name, getattr(conn, name))

    def send(self, obj):
        self._conn.send_bytes(self._xmlrpc.dumps((obj,), None, None, None, 1).encode("utf-8"))

    def recv(self):
        (obj,), method = self._xmlrpc.loads(self._conn.recv_bytes().decode("utf-8"))
        return obj


class XmlListener(Listener):
    def accept(self):
        return _XmlConnection(Listener.accept(self))


def XmlClient(*args, **kwds):
    return _XmlConnection(Client(*args, **kwds))
