# io.TextIOWrapper over an io.BytesIO, as scripts wrap bytes to read or write text: the text layer
# keeps small writes until a flush, reads a chunk ahead, and its tell() cookie seeks back to any
# character, multi-byte ones included.
import io

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8")
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through)
print(t.write("héllo\n"), t.write("wörld\n"))
print("before flush:", raw.getvalue())
t.flush()
print("after flush:", raw.getvalue())
print(t.tell(), t.seek(0), t.read())

t = io.TextIOWrapper(io.BytesIO("αβγ\nδεζ\nlast".encode()), encoding="utf-8")
print(repr(t.readline()), t.buffer.read(), repr(t.read()))

t = io.TextIOWrapper(io.BytesIO("ab€cd\nef\n".encode()), encoding="utf-8")
positions = []
while True:
    where = t.tell()
    ch = t.read(1)
    if not ch:
        break
    positions.append((where, ch))
print(positions)
for where, ch in positions[::-1]:
    t.seek(where)
    assert t.read(1) == ch, (where, ch)
t.seek(positions[3][0])
print(repr(t.read()))

# newline= on reading and writing
data = b"a\r\nb\rc\nd"
for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.TextIOWrapper(io.BytesIO(data), encoding="ascii", newline=nl)
    print(repr(nl), [line for line in t], t.newlines)
for nl in (None, "", "\n", "\r", "\r\n"):
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding="ascii", newline=nl)
    t.write("x\ny\r\n")
    t.flush()
    print(repr(nl), b.getvalue())

# line_buffering and write_through reach the buffer at once
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", line_buffering=True)
t.write("no newline")
print(b.getvalue())
t.write(" then one\n")
print(b.getvalue())
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", write_through=True)
t.write("through")
print(b.getvalue())

# other codecs, errors=
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-16")
t.write("hé")
t.flush()
print(t.buffer.getvalue())
t.seek(0)
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8", errors="replace")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
try:
    t.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)

# readline(limit), read(n) across chunk boundaries
t = io.TextIOWrapper(io.BytesIO(("é" * 5000 + "\n" + "z" * 10).encode()), encoding="utf-8")
t._CHUNK_SIZE = 7
print(len(t.readline(3)), len(t.readline()), repr(t.read(4)), repr(t.read()))

# detach, reconfigure, closed files and CPython's errors
b = io.BytesIO(b"abc")
t = io.TextIOWrapper(b, encoding="ascii")
t.reconfigure(line_buffering=True)
print(t.line_buffering)
print(t.detach() is b, repr(t), t.buffer)
for call in (t.read, t.tell, lambda: t.write("x"), lambda: t.closed):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
t = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="ascii")
t.read(1)
try:
    t.reconfigure(encoding="utf-8")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
t.close()
print(t.closed)
try:
    t.read()
except ValueError as e:
    print("ValueError", e)
for kwargs in ({"encoding": "bogus"}, {"encoding": "hex"}, {"newline": "x"}, {"newline": 3},
               {"encoding": 3}, {"errors": 3}):
    try:
        io.TextIOWrapper(io.BytesIO(), **kwargs)
    except (LookupError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
for call in (lambda: t.write(b"x"), lambda: t.seek(1, 1), lambda: t.seek(1, 2), lambda: t.seek(0, 3),
             lambda: t.seek(-1), lambda: t.read("x"), lambda: t.reconfigure(1)):
    try:
        call()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(isinstance(t, io.TextIOBase), isinstance(t, io.IOBase))
