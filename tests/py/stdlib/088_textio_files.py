# Text files from open() keep the text layer of CPython's TextIOWrapper: what readline() read
# ahead is gone from f.buffer, tell() after readline() is a cookie seek() takes back, and
# TextIOWrapper wraps Python-defined raw and buffered classes as well as native ones.
import io
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "text.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write("first line\nsecond: ünï\nthird\n")
    print("pending:", os.path.getsize(path))
print("closed:", os.path.getsize(path))

with open(path, encoding="utf-8") as f:
    print(repr(f.readline()), f.buffer.read())
with open(path, encoding="utf-8") as f:
    f.readline()
    mark = f.tell()
    second = f.readline()
    f.seek(mark)
    print(mark, repr(second), f.readline() == second, repr(f.read()))
with open(path, encoding="utf-8") as f:
    print([line for line in f])
    try:
        f.tell()
    except OSError as e:
        print("during iteration? no:", e)

with open(path, "r+", encoding="utf-8") as f:
    f.seek(0, 2)
    f.write("appended\n")
    f.seek(0)
    print(f.read().splitlines())

with open(path, "w", encoding="utf-16", newline="\r\n") as f:
    f.write("one\ntwo\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-16", newline="") as f:
    print(f.readlines())
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)


class Raw(io.RawIOBase):
    """A raw stream over bytes, written in Python."""

    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, b):
        chunk = self.data[self.pos:self.pos + min(len(b), 5)]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)

    def write(self, b):
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        return len(b)

    def seek(self, pos, whence=0):
        self.pos = [pos, self.pos + pos, len(self.data) + pos][whence]
        return self.pos

    def tell(self):
        return self.pos


raw = Raw("línea uno\nlínea dos\n".encode())
t = io.TextIOWrapper(io.BufferedRandom(raw), encoding="utf-8")
print(t.readlines())
t.write("tres\n")
t.flush()
print(bytes(raw.data))


class Chunks:
    """Any object with read(), readable(), writable(), seekable() and closed will do: without read1
    (io.BufferedIOBase has one), TextIOWrapper reads with read()."""

    closed = False

    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def read(self, n=-1):
        n = len(self.data) if n is None or n < 0 else min(n, 3)
        out, self.data = self.data[:n], self.data[n:]
        return out


t = io.TextIOWrapper(Chunks("ab\ncd€\nef".encode()), encoding="utf-8")
print(t.seekable(), t.writable(), list(t))
try:
    t.tell()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    t.write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

with open(path, "w", encoding="utf-8") as f:
    print("x" * 3, file=f)
    f.writelines(["a\n", "b\n"])
with open(path, encoding="utf-8") as f:
    print(f.read().split())
os.remove(path)
os.rmdir(folder)
