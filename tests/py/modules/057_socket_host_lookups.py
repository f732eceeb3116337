# socket.gethostbyaddr and gethostbyname_ex (what socket.getfqdn and smtpd use), and the _check*
# helpers io's base class gives socket.SocketIO (smtplib reads its replies through one).
import io
import socket

name, aliases, addresses = socket.gethostbyaddr("127.0.0.1")
print(type(name), type(aliases), addresses)
print(socket.gethostbyname_ex("127.0.0.1"))
print(socket.getfqdn("127.0.0.1") == name)
for bad in (None, 1):
    try:
        socket.gethostbyaddr(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    socket.gethostbyname_ex("no.such.host.invalid")
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError))

left, right = socket.socketpair()
with left, right:
    stream = socket.SocketIO(left, "rb")
    print(stream._checkClosed(), stream._checkReadable())
    try:
        stream._checkWritable()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    try:
        stream._checkSeekable()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    stream.close()
    try:
        stream._checkClosed()
    except ValueError as e:
        print("ValueError", e)

buffer = io.BytesIO(b"x")
print(buffer._checkSeekable(), buffer._checkWritable(), buffer._checkReadable())
