# Bad arguments to _socket and select's functions and methods: CPython's exception types and
# messages, never a crash.
import _socket, os, select, socket

pipe_end, _ = os.pipe()
s = _socket.socket()
calls = [
    lambda: s.bind(None), lambda: s.bind(("x",)), lambda: s.bind((None, 1)), lambda: s.connect(()),
    lambda: s.send("str"), lambda: s.send(None), lambda: s.recv("a"), lambda: s.sendto(b"x", None),
    lambda: s.setsockopt(1, 2, "x"), lambda: s.getsockopt(1, 2, 0), lambda: s.getsockopt(1, 2, 10**6),
    lambda: s.settimeout("x"), lambda: s.recv_into(b"abc"), lambda: s.recv_into(None), lambda: s.shutdown(99),
    lambda: s.listen("a"), lambda: _socket.socket(999), lambda: _socket.socket(fileno=-5), lambda: _socket.socket(fileno=99999),
    lambda: _socket.socket(fileno=1.5), lambda: _socket.getaddrinfo(None, None), lambda: _socket.getaddrinfo(1, 2),
    lambda: _socket.getaddrinfo("localhost", 1.5), lambda: _socket.inet_aton(5), lambda: _socket.inet_ntoa(b"12"),
    lambda: _socket.inet_pton(99, "x"), lambda: _socket.inet_ntop(2, b"123"), lambda: _socket.htons("x"),
    lambda: _socket.htonl(-1), lambda: _socket.htonl(2**40), lambda: _socket.socketpair(99), lambda: _socket.dup(-1),
    lambda: _socket.setdefaulttimeout(-1), lambda: _socket.getnameinfo(("127.0.0.1",), 0), lambda: _socket.getnameinfo(("127.0.0.1", 80), _socket.NI_NUMERICHOST | _socket.NI_NUMERICSERV),
    lambda: select.poll().register("x"), lambda: select.poll().register(1, -1), lambda: select.poll().poll("x"),
    lambda: select.epoll(sizehint=0), lambda: select.epoll().register(-1), lambda: select.epoll().poll(maxevents=-5),
    lambda: select.epoll().modify(pipe_end, 1), lambda: select.poll().unregister(5),
    lambda: socket.socket(socket.AF_UNIX).bind("x" * 200), lambda: socket.socket(socket.AF_UNIX).connect(5),
    lambda: socket.socket(socket.AF_INET6).bind(("::1",)), lambda: socket.socket(socket.AF_INET6).bind(("::1", 0, 1, 2, 3)),
    lambda: s.sendall(b"x"), lambda: s._accept(), lambda: s.getpeername(),
    lambda: _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM).recvfrom(-1),
]
for i, c in enumerate(calls):
    try:
        r = c()
        print(i, "ok", r if not isinstance(r, object.__class__) else "")
    except BaseException as e:
        print(i, type(e).__name__, e)
