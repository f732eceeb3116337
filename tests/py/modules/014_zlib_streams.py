# zlib: compressobj/decompressobj streams: pieces, flush modes, max_length with unconsumed_tail,
# unused_data and eof after the end, copy(), zdict, and their errors.
import zlib

text = "".join("record %05d %s\n" % (i, "xy" * (i % 7)) for i in range(3000)).encode()

c = zlib.compressobj(6)
parts = [c.compress(text[i:i + 5000]) for i in range(0, len(text), 5000)]
parts.append(c.flush())
stream = b"".join(parts)
print(len(stream), [len(p) for p in parts][:4], stream == zlib.compress(text, 6))

# Z_SYNC_FLUSH makes everything so far decodable, and the stream goes on.
c = zlib.compressobj()
a = c.compress(b"first half ") + c.flush(zlib.Z_SYNC_FLUSH)
b = c.compress(b"second half") + c.flush()
d = zlib.decompressobj()
print(d.decompress(a), d.eof)
print(d.decompress(b), d.eof, d.unused_data, d.unconsumed_tail)
print(c.flush(zlib.Z_NO_FLUSH))

# max_length hands back at most that much; the rest of the input waits in unconsumed_tail.
d = zlib.decompressobj()
out = d.decompress(stream, 1000)
rounds = 1
while d.unconsumed_tail:
    out += d.decompress(d.unconsumed_tail, 1000)
    rounds += 1
out += d.flush()
print(len(out), out == text, rounds > 10, d.eof)

# Input after the end of the stream goes to unused_data, also on later calls.
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"body") + b"tail"), d.unused_data, d.eof)
print(d.decompress(b"more"), d.unused_data)

# Byte by byte.
d = zlib.decompressobj()
pieces = [d.decompress(stream[i:i + 1]) for i in range(len(stream))]
print(sum(len(p) for p in pieces), b"".join(pieces) == text, d.eof)

# copy() forks a stream.
c = zlib.compressobj()
start = c.compress(b"shared start, ")
c2 = c.copy()
one = zlib.decompress(start + c.compress(b"ending one") + c.flush())
two = zlib.decompress(start + c2.compress(b"ending two") + c2.flush())
d = zlib.decompressobj()
head = d.decompress(zlib.compress(text)[:100])
d2 = d.copy()
print(one, two, len(head), d2.decompress(zlib.compress(text)[100:]) == text[len(head):])

# A preset dictionary.
zdict = b"record xyxyxyxyxyxy"
c = zlib.compressobj(zdict=zdict)
z = c.compress(text[:500]) + c.flush()
print(len(z) < len(zlib.compress(text[:500])))
print(zlib.decompressobj(zdict=zdict).decompress(z) == text[:500])
raw = zlib.compressobj(wbits=-15, zdict=zdict)
rz = raw.compress(text[:500]) + raw.flush()
print(zlib.decompressobj(wbits=-15, zdict=zdict).decompress(rz) == text[:500])

# Strategies and memLevel.
for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    c = zlib.compressobj(9, zlib.DEFLATED, 15, 9, strategy)
    z = c.compress(text) + c.flush()
    print(strategy, len(z), zlib.decompress(z) == text)

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

attempt("level 20", lambda: zlib.compressobj(level=20))
attempt("wbits 3", lambda: zlib.decompressobj(wbits=3))
attempt("max_length -1", lambda: zlib.decompressobj().decompress(b"", -1))
attempt("flush 0", lambda: zlib.decompressobj().flush(0))
attempt("flush 99", lambda: zlib.compressobj().flush(99))
attempt("bad stream", lambda: zlib.decompressobj().decompress(b"not zlib"))
attempt("zdict str", lambda: zlib.decompressobj(zdict="text"))
attempt("need dict", lambda: zlib.decompressobj().decompress(z))
attempt("compress str", lambda: zlib.compressobj().compress("text"))
finished = zlib.compressobj()
finished.flush()
attempt("after finish", lambda: finished.compress(b"x"))
attempt("copy finished", lambda: finished.copy())
attempt("Compress()", lambda: type(finished)())
