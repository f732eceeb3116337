# io.BytesIO: an in-memory binary stream with CPython's positions (seeks relative to the start,
# the current position or the end; writes past the end pad with zeros), lines, readinto, and its
# errors; pickle writes to one and reads back from it.
import io
import pickle

b = io.BytesIO(b"first\nsecond\nthird")
print(b.read(3), b.tell(), b.readline(), b.readlines())
print(b.seek(0), list(b), b.read(), b.read(), b.tell())
print(b.seek(-5, 2), b.read(), b.seek(-100, 1), b.seek(2, 1), b.read1(3))
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.getvalue(), b.tell())
b.seek(8)
b.write(b"!")
print(b.getvalue(), len(b.getvalue()))
print(b.truncate(4), b.getvalue(), b.tell(), b.seek(0, 2))
b.writelines([b"x", b"y"])
print(b.getvalue(), bytes(b.getbuffer()), b.readable(), b.writable(), b.seekable(), b.isatty())
target = bytearray(3)
b.seek(1)
print(b.readinto(target), target, b.readlines(2), io.BytesIO(b"a\nb\nc\n").readlines(3))
for call in (lambda: b.write("text"), lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-1),
             lambda: io.BytesIO("str")):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
with io.BytesIO(b"in a with") as w:
    print(w.read(), w.closed)
print(w.closed)
for call in (w.read, w.getvalue, lambda: w.write(b"x"), w.tell):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)

data = io.BytesIO()
pickle.dump({"key": [1, 2.5, "three"]}, data)
data.seek(0)
print(pickle.load(data))


class Counting(io.BytesIO):
    def write(self, chunk):
        return super().write(chunk.upper())


c = Counting()
c.write(b"shout")
print(c.getvalue(), type(c).__name__, isinstance(c, io.BytesIO))

# A memoryview (what getbuffer gives) is bytes-like where a copy of its bytes is taken.
view = memoryview(b"viewed")
print(bytes(view), bytearray(view[1:3]), io.BytesIO(view).read(), io.BytesIO().write(view))
