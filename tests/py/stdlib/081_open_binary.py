# open() in binary mode returns CPython's layered files: a BufferedReader, BufferedWriter or
# BufferedRandom over a FileIO (`.raw`), or the FileIO itself with buffering=0; text files sit on one.
import io
import os
import tempfile

d = tempfile.mkdtemp(prefix="minipy_")
path = os.path.join(d, "data.bin")


def show(f):
    print(type(f).__name__, repr(f).replace(repr(path), "PATH"), f.mode, f.closed)


def attempt(what, *args, **kwargs):
    try:
        print(repr(what(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", str(e).replace(d, "DIR"))


with open(path, "wb") as w:
    show(w)
    show(w.raw)
    print(w.raw.closefd, w.name == path, w.fileno() == w.raw.fileno(), w.readable(), w.writable(), w.seekable())
    print(w.write(b"first line\nsecond\n"), w.write(bytearray(b"third")), w.write(memoryview(b"\nfourth\n")))
    print(w.tell())
    attempt(w.write, "text")
    attempt(w.read)
    attempt(lambda: w.peek)
    w.flush()
    print(os.path.getsize(path))
show(w)
attempt(w.write, b"x")
attempt(w.flush)
attempt(w.tell)

with open(path, "rb") as r:
    show(r)
    print(isinstance(r.raw, io.FileIO), r.readable(), r.writable())
    print(r.peek(3)[:6], r.read1(3), r.tell())
    print(r.read(2), r.readline(), r.readline(4), r.tell())
    buf = bytearray(4)
    print(r.readinto(buf), buf)
    print(r.seek(0), r.readlines())
    print(r.seek(-7, 2), r.read(), r.read(), r.tell())
    r.seek(0)
    print([line for line in r])
    attempt(r.write, b"x")
    attempt(r.seek, 0, 7)
    attempt(r.read, -2)
attempt(r.read)
attempt(r.peek)
attempt(r.readline)
print(r.closed, r.raw.closed, repr(r.raw))

with open(path, "r+b") as rw:
    show(rw)
    print(rw.read(5), rw.tell())
    rw.write(b"LINE")
    print(rw.tell())
    rw.seek(0)
    print(rw.read(11))
    print(rw.truncate(20), rw.tell())
    rw.seek(0, 2)
    print(rw.tell())
print(open(path, "rb").read())

with open(path, "ab") as a:
    show(a)
    print(a.tell(), a.write(b"+tail"), a.tell())
print(open(path, "rb").read()[-9:])

raw = open(path, "rb", buffering=0)
show(raw)
print(raw.read(4), raw.readall()[-5:], raw.read(), raw.tell())
attempt(raw.write, b"x")
raw.close()
print(repr(raw))
attempt(raw.read)

# A text file keeps its `buffer`, and the buffer its `raw`. Text and bytes interleave in order once
# the text is flushed (before that, CPython may hold the text back).
with open(path, "w", encoding="utf-8") as t:
    print(type(t.buffer).__name__, type(t.buffer.raw).__name__, t.buffer.mode, t.buffer.raw.mode)
    t.write("text ")
    t.flush()
    t.buffer.write(b"bytes\n")
    t.buffer.flush()
    t.write("caf\u00e9\n")
print(open(path, "rb").read())
with open(path, encoding="utf-8") as t:
    print(type(t.buffer).__name__, t.buffer.raw.mode, t.readline(), t.read(), t.buffer.read())

# Errors of open() itself.
attempt(open, path, "r", 0)
attempt(open, d, "rb")
attempt(open, path, "rb", encoding="utf-8")
attempt(open, path, "rb", newline="")
attempt(io.FileIO, path, "rt")
attempt(io.FileIO, path, "rw")
attempt(io.FileIO, path, "z")

# Buffered classes over a file and over another raw stream.
f = io.BufferedReader(io.FileIO(path), 4)
print(f.read(3), f.read1(), f.peek(1)[:1])
f.close()
b = io.BufferedReader(io.BytesIO(b"abc\ndef"))
print(repr(b), b.readlines())
attempt(io.BufferedReader, io.FileIO(path, "w"))
attempt(io.BufferedReader, io.FileIO(path), 0)
detached = open(path, "rb")
inner = detached.detach()
print(repr(inner).replace(repr(path), "PATH"), repr(detached))
attempt(detached.read)
inner.close()

# Data written and never flushed reaches the file when the object goes.
w = open(path, "wb")
w.write(b"kept")
del w
print(open(path, "rb").read())

# The with-statement, iteration and writelines come from IOBase.
with open(path, "wb") as w:
    w.writelines([b"a\n", b"b\n"])
with open(path, "rb") as r:
    print(list(r), r.closed)
print(r.closed)

for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
