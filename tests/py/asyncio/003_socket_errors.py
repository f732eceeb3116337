# CPython's errors from _socket: refused connections, bad addresses, name lookups, timeouts,
# closed sockets, and the helper functions' argument checks.
import errno
import socket

# a port nobody listens on: bind one, learn its number, close it
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()

c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, isinstance(e, OSError))
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e)

for bad in ["127.0.0.1", ("127.0.0.1",), ("127.0.0.1", 70000), ("127.0.0.1", "80"), (1, 2)]:
    s = socket.socket()
    try:
        s.connect(bad)
    except (TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
    s.close()

try:
    socket.getaddrinfo("nonexistent.invalid", 80)
except socket.gaierror as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno in (socket.EAI_NONAME, socket.EAI_AGAIN))

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", "80", type=socket.SOCK_DGRAM)[0][4])
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(isinstance(socket.gethostname(), str))
print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
try:
    socket.inet_aton("1.2.3.400")
except OSError as e:
    print(type(e).__name__, e)
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for bad in [-1, 65536]:
    try:
        socket.htons(bad)
    except OverflowError as e:
        print(type(e).__name__, e)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
for bad in [-1, float("nan")]:
    try:
        socket.socket().settimeout(bad)
    except ValueError as e:
        print(type(e).__name__, e)

# accept with a timeout and nobody coming
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print(type(e).__name__, e)
srv.close()
try:
    srv.accept()
except OSError as e:
    print(type(e).__name__, e)
try:
    s.recv(-1)
except (ValueError, OSError) as e:
    print(type(e).__name__, e)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError), socket.error is OSError)
print(socket.AF_INET, socket.SOCK_DGRAM, socket.AddressFamily.AF_INET6.value == socket.AF_INET6)
