# open() of a descriptor, closefd and opener; io's abstract bases (IOBase, RawIOBase,
# BufferedIOBase, TextIOBase) as CPython's Lib derives from them.
import io
import os

base = "/tmp/minipy_test_046_%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "f.txt")
fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
with open(fd, "w") as f:
    print(f.name == fd, f.fileno() == fd, f.write("via fd\n"), f.isatty())
try:
    os.close(fd)
except OSError as e:
    print("closed with the file:", type(e).__name__)
fd = os.open(path, os.O_RDONLY)
with open(fd, closefd=False) as f:
    print(repr(f.read()))
print(os.read(fd, 3), os.lseek(fd, 0, os.SEEK_SET))
os.close(fd)
try:
    open(path, closefd=False)
except ValueError as e:
    print("ValueError:", e)
seen = []


def opener(name, flags):
    seen.append((name == path, flags & os.O_WRONLY == os.O_WRONLY, flags & os.O_APPEND == os.O_APPEND))
    return os.open(name, flags, 0o644)


with open(path, "a", opener=opener) as f:
    f.write("appended\n")
print(seen, open(path).read().splitlines())
with open(path.encode(), "rb") as f:
    print(f.read(3), f.name == path.encode())
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.text_encoding(None), io.text_encoding("ascii"))


class Numbers(io.RawIOBase):
    def __init__(self, n):
        self.left = n

    def readable(self):
        return True

    def readinto(self, buffer):
        count = min(len(buffer), self.left)
        buffer[:count] = b"7" * count
        self.left -= count
        return count


raw = Numbers(10)
print(isinstance(raw, io.IOBase), raw.readable(), raw.writable(), raw.seekable(), raw.closed)
print(raw.read(4), raw.read(), raw.read(3))
with Numbers(3) as stream:
    print(stream.readall(), stream.closed)
print(stream.closed)
try:
    stream.read(1) if stream.closed and stream.__enter__() else None
except ValueError as e:
    print("ValueError:", e)


class Lines(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data

    def read(self, size=-1):
        if size < 0:
            size = len(self.data)
        out, self.data = self.data[:size], self.data[size:]
        return out


print(list(Lines(b"one\ntwo\nthree")), Lines(b"a\nb\n").readlines(), Lines(b"xy\nz").readline())
buf = bytearray(4)
print(Lines(b"abcdef").readinto(buf), buf)
try:
    io.BufferedIOBase().read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
try:
    io.IOBase().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e, isinstance(e, OSError), isinstance(e, ValueError))
print(io.IOBase.__module__, issubclass(io.RawIOBase, io.IOBase), issubclass(io.TextIOBase, io.IOBase),
      issubclass(io.UnsupportedOperation, ValueError))
os.remove(path)
os.rmdir(base)
