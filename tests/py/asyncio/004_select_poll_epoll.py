# select.poll and select.epoll over a socketpair and a pipe: register, modify, unregister, poll
# with and without a timeout, their errors, and the selector CPython's selectors module picks.
import os
import select
import selectors
import socket

a, b = socket.socketpair()
p = select.poll()
p.register(b, select.POLLIN)
print(p.poll(0))
a.send(b"x")
print(p.poll(1000) == [(b.fileno(), select.POLLIN)])
p.modify(b.fileno(), select.POLLIN | select.POLLOUT)
print(sorted(p.poll()) == [(b.fileno(), select.POLLIN | select.POLLOUT)])
p.unregister(b)
print(p.poll(10))
try:
    p.unregister(b)
except KeyError as e:
    print(type(e).__name__, e.args == (b.fileno(),))
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
b.recv(1)

ep = select.epoll()
print(type(ep).__name__, ep.closed, ep.fileno() >= 0)
ep.register(b.fileno(), select.EPOLLIN)
print(ep.poll(0))
a.send(b"yz")
print(ep.poll(1) == [(b.fileno(), select.EPOLLIN)])
ep.modify(b.fileno(), select.EPOLLOUT)
print(ep.poll(timeout=0.5, maxevents=4) == [(b.fileno(), select.EPOLLOUT)])
try:
    ep.register(b.fileno(), select.EPOLLIN)
except OSError as e:
    print(type(e).__name__, e)
ep.unregister(b.fileno())
try:
    ep.unregister(b.fileno())
except OSError as e:
    print(type(e).__name__, e)
try:
    ep.poll(0, 0)
except ValueError as e:
    print(type(e).__name__, e)
ep.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(type(e).__name__, e)
with select.epoll() as ep2:
    r, w = os.pipe()
    ep2.register(r, select.EPOLLIN)
    os.write(w, b"!")
    print(ep2.poll(1) == [(r, select.EPOLLIN)])
    os.close(r)
    os.close(w)
print(ep2.closed)

# selectors: DefaultSelector is the epoll one, and it works
print(selectors.DefaultSelector.__name__)
sel = selectors.DefaultSelector()
sel.register(b, selectors.EVENT_READ, "b-data")
a.send(b"w")
for key, events in sel.select(timeout=1):
    print(key.data, events == selectors.EVENT_READ, key.fileobj is b)
sel.unregister(b)
print(sel.select(timeout=0))
sel.close()
ps = selectors.PollSelector()
ps.register(a, selectors.EVENT_WRITE)
print([(k.fileobj is a, ev) for k, ev in ps.select(0)])
ps.close()
a.close()
b.close()
print(select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLOUT, select.EPOLLET)
