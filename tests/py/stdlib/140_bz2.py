# _bz2 under CPython's bz2.py: one-shot and incremental round trips, max_length with needs_input,
# unused_data and eof, concatenated streams, every bytes-like input, errors, and bz2.open on files.
import array
import bz2
import hashlib
import os
import tempfile
from _bz2 import BZ2Compressor, BZ2Decompressor


def digest(b):
    return hashlib.sha256(b).hexdigest()[:16]


print(BZ2Compressor.__module__, BZ2Decompressor.__name__)
data = b"".join(b"line %d of the bz2 test: %s\n" % (i, b"abc" * (i % 7)) for i in range(3000))
for size in (0, 1, 100, 5000, len(data)):
    chunk = data[:size]
    for level in (1, 5, 9):
        c = bz2.compress(chunk, level)
        assert bz2.decompress(c) == chunk
        print(size, level, len(c), digest(c))

# Compressed in pieces is the same stream as compressed at once.
comp = BZ2Compressor()
pieces = [comp.compress(data[i:i + 777]) for i in range(0, len(data), 777)]
pieces.append(comp.flush())
print(b"".join(pieces) == bz2.compress(data), sum(1 for p in pieces if p))

# Decompressed with a limit, a few bytes of input at a time.
stream = bz2.compress(data)
d = BZ2Decompressor()
out = []
print(d.needs_input, d.eof, d.unused_data)
first = d.decompress(stream[:100], max_length=10)
print(len(first), d.needs_input)
out.append(first)
pos = 100
while not d.eof:
    if d.needs_input:
        chunk, pos = stream[pos:pos + 1000], pos + 1000
    else:
        chunk = b""
    out.append(d.decompress(chunk, 4096))
print(b"".join(out) == data, d.eof, d.needs_input, d.unused_data)

# Data after the end of the stream.
d = BZ2Decompressor()
print(d.decompress(bz2.compress(b"hello") + b"trailing junk"), d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"more")
except EOFError as e:
    print("EOFError", e)

# Concatenated streams: the one-shot function reads them all.
print(bz2.decompress(bz2.compress(b"one ") + bz2.compress(b"two")))

# Bytes-like inputs.
for arg in (bytearray(b"bytearray data"), memoryview(b"memoryview data"), array.array("b", b"array data")):
    print(type(arg).__name__, bz2.decompress(bz2.compress(arg)), BZ2Decompressor().decompress(bz2.compress(arg)))

# Errors.
def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: BZ2Compressor(0))
show(lambda: BZ2Compressor(10))
show(lambda: BZ2Compressor("9"))
show(lambda: BZ2Compressor(1, 2))
show(lambda: BZ2Decompressor(1))
show(lambda: bz2.compress("text"))
show(lambda: BZ2Decompressor().decompress("text"))
show(lambda: bz2.decompress(b"not bzip2 data at all"))
show(lambda: bz2.decompress(bz2.compress(data)[:-10]))
show(lambda: BZ2Decompressor().decompress(b"BZh9" + b"\0" * 20))
c = BZ2Compressor()
c.compress(b"x")
c.flush()
show(lambda: c.compress(b"y"))
show(lambda: c.flush())
show(lambda: BZ2Decompressor().decompress(data=bz2.compress(b"kw"), max_length=1))


def pickle_it():
    import pickle
    return pickle.dumps(BZ2Compressor())


show(pickle_it)

# bz2.open in binary and text modes, BZ2File seeking and appending.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.bz2")
    with bz2.open(path, "wb") as f:
        f.write(data)
    with bz2.open(path, "rb") as f:
        print(f.read(20), f.read(5), f.tell())
        f.seek(1000)
        print(f.read(10))
        print(len(f.read()) + 1010 == len(data))
    with bz2.open(path, "at", encoding="utf-8") as f:
        f.write("caf\u00e9 appended\n")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[0], lines[-1])
    with bz2.BZ2File(path) as f:
        print(sum(1 for _ in f))
    with open(path, "rb") as raw:
        print(raw.read(3))
    with bz2.BZ2File(os.path.join(tmp, "x.bz2"), "x", compresslevel=1) as f:
        f.write(b"exclusive")
    with bz2.open(os.path.join(tmp, "x.bz2")) as f:
        print(f.read())

# Threads: each with its own compressor, and all at once on one compressor (under minipy-ft the
# object's own lock keeps its stream consistent). Below one 900 kB block, compress() returns b''
# and flush() the whole stream, so the result does not depend on the threads' order.
import threading

chunk = b"thread chunk " * 400
results = [None] * 4
shared = BZ2Compressor()
shared_out = []


def work(i):
    c = BZ2Compressor(i + 1)
    results[i] = bz2.decompress(b"".join([c.compress(chunk) for _ in range(20)] + [c.flush()]))
    for _ in range(20):
        shared_out.append(shared.compress(chunk))


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([r == chunk * 20 for r in results], set(shared_out), bz2.decompress(shared.flush()) == chunk * 80)
