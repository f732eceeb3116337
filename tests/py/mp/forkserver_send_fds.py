# How the fork server receives a child's descriptors: socket.sendmsg/recvmsg with SCM_RIGHTS
# ancillary data (socket.send_fds/recv_fds), CMSG_LEN/CMSG_SPACE, and plain gathered sendmsg.
import os
import socket

a, b = socket.socketpair()
print(socket.CMSG_LEN(8), socket.CMSG_SPACE(8), socket.CMSG_SPACE(0), socket.SCM_RIGHTS)
r, w = os.pipe()
print(socket.send_fds(a, [b"fds"], [r, w]))
message, fds, flags, address = socket.recv_fds(b, 10, 4)
print(message, len(fds), flags, address, r not in fds and w not in fds)
os.write(fds[1], b"through the copy")
print(os.read(r, 100))
for fd in fds:
    os.close(fd)
print(a.sendmsg([b"ab", bytearray(b"cd"), memoryview(b"ef")]), b.recvmsg(10))
print(a.sendmsg([b"x"], [], 0), b.recvmsg(10, socket.CMSG_SPACE(4)))
for bad in (-1, 2 ** 40):
    try:
        socket.CMSG_LEN(bad)
    except OverflowError as e:
        print("OverflowError", e)
a.close()
print(b.recvmsg(10))
b.close()
