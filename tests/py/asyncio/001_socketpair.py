# _socket under CPython's socket.py: a socketpair, its attributes, blocking and non-blocking
# reads, timeouts, shutdown and close.
import errno
import socket

a, b = socket.socketpair()
print(a.family, a.type, a.proto)
print(repr(a.family), repr(a.type))
print(a.getblocking(), a.gettimeout())
print(a.send(b"hello"), b.recv(100))
a.sendall(b"abc" * 10)
print(len(b.recv(1000)))

# non-blocking: nothing to read is BlockingIOError
b.setblocking(False)
print(b.getblocking(), b.gettimeout())
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == errno.EAGAIN)

# a timeout: TimeoutError('timed out'), which socket.timeout names
b.settimeout(0.05)
print(b.getblocking(), b.gettimeout())
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, socket.timeout is TimeoutError)

# recv_into a bytearray, whole or its first nbytes
buf = bytearray(8)
a.send(b"12345")
print(b.recv_into(buf), buf)
a.send(b"678")
print(b.recv_into(buf, 2), buf)
print(b.recv(10))

# shutdown: the other side reads b'' (end of stream)
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
print(a.fileno() >= 0)
a.close()
print(a.fileno(), a._closed)
try:
    a.send(b"x")
except OSError as e:
    print(type(e).__name__, e)
b.close()

# detach leaves the descriptor open
c, d = socket.socketpair()
fd = c.detach()
print(c.fileno(), fd >= 0)
e = socket.socket(fileno=fd)
print(e.family == socket.AF_UNIX, e.type == socket.SOCK_STREAM)
e.send(b"again")
print(d.recv(10))
e.close()
d.close()

# context manager, and the repr of a closed socket
with socket.socketpair()[0] as s:
    pass
print(repr(s))
print(socket.SOCK_NONBLOCK != 0, socket.SOCK_CLOEXEC != 0)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, s.gettimeout(), s.getblocking())
s.close()
