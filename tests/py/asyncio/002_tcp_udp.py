# TCP and UDP over the loopback interface with _socket: bind to port 0, connect, echo, sendto and
# recvfrom, socket options and names, and a server thread that blocks in accept without the GIL.
import os
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)


clients = []


def serve():
    conn, addr = srv.accept()
    with conn:
        clients.append(addr[0])
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())


t = threading.Thread(target=serve)
t.start()
cli = socket.create_connection(("127.0.0.1", port), timeout=5)
print(cli.getpeername() == ("127.0.0.1", port))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
total = b""
for i in range(100):
    msg = ("message %d;" % i).encode()
    cli.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += cli.recv(1024)
    total += got
print(len(total), total[:22])
cli.shutdown(socket.SHUT_WR)
print(cli.recv(10))
cli.close()
t.join()
print("the server had a client from", clients)
srv.close()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u1.type, u2.family)
print(u2.sendto(b"ping", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u1.sendto(b"pong", 0, addr)
print(u2.recv(100))
u1.close()
u2.close()

# IPv6 loopback, when the machine has it
try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s6.bind(("::1", 0))
    name = s6.getsockname()
    print(name[0], len(name))
    s6.close()
except OSError:
    print("::1 4")

# AF_UNIX with an abstract name
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
# (named after the process, so the two flavors' runs of this test do not collide)
name = b"\0minipy-test-" + str(os.getpid()).encode()
us.bind(name)
print(us.getsockname() == name, type(us.getsockname()))
us.close()
