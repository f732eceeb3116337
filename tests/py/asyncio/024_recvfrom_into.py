# socket.recvfrom_into(buffer[, nbytes[, flags]]): the datagram lands in the buffer, with its sender;
# CPython's errors for a short buffer or a read-only one.
import socket
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(("127.0.0.1", 0))
b.sendto(b"hello world", a.getsockname())
buf = bytearray(20)
n, addr = a.recvfrom_into(buf)
print(n, addr == b.getsockname(), buf[:n])
b.sendto(b"abcdef", a.getsockname())
print(a.recvfrom_into(buf, 3)[0], buf[:6])
for bad in [lambda: a.recvfrom_into(bytearray(2), 5), lambda: a.recvfrom_into(b"x"), lambda: a.recv_into(bytearray(2), 5)]:
    try: bad()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
a.close(); b.close()
