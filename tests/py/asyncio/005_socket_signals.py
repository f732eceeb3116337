# A signal that arrives while a socket call blocks (PEP 475): the Python handler runs at once; if
# it raises, the exception comes out of the call, else the call goes on waiting. The same for
# select.epoll's, select.poll's and select.select's waits.
import select
import signal
import socket
import threading
import time

calls = []


def raising(signum, frame):
    raise RuntimeError("alarm while blocked")


def quiet(signum, frame):
    calls.append(signum)


a, b = socket.socketpair()
signal.signal(signal.SIGALRM, raising)
signal.alarm(1)
try:
    b.recv(10)
except RuntimeError as e:
    print("recv:", e)

signal.signal(signal.SIGALRM, quiet)
signal.alarm(1)
threading.Timer(1.5, a.send, args=(b"late data",)).start()
print("recv:", b.recv(10), calls == [signal.SIGALRM])

signal.signal(signal.SIGALRM, raising)
ep = select.epoll()
ep.register(b, select.EPOLLIN)
signal.alarm(1)
try:
    ep.poll(30)
except RuntimeError as e:
    print("epoll:", e)
p = select.poll()
p.register(b, select.POLLIN)
signal.alarm(1)
try:
    p.poll(30000)
except RuntimeError as e:
    print("poll:", e)

signal.signal(signal.SIGALRM, quiet)
signal.alarm(1)
start = time.monotonic()
print("epoll with a quiet handler:", ep.poll(1.5), time.monotonic() - start >= 1.4)
signal.signal(signal.SIGALRM, raising)
signal.alarm(1)
try:
    select.select([b], [], [])
except RuntimeError as e:
    print("select:", e)
signal.signal(signal.SIGALRM, quiet)
signal.alarm(1)
start = time.monotonic()
print("select with a quiet handler:", select.select([b], [], [], 1.5), time.monotonic() - start >= 1.4)
ep.close()
a.close()
b.close()
