# zlib: one-shot compress/decompress at every level and window size, checksums, constants and
# CPython's errors.
import zlib

text = "".join("line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000)).encode()
for level in range(-1, 10):
    c = zlib.compress(text, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == text)
for wbits in (9, 15, -15, 31, -9):
    c = zlib.compress(text, 6, wbits)
    print("wbits", wbits, len(c), c[:4], zlib.decompress(c, wbits) == text)
# 47 detects zlib or gzip headers.
print(zlib.decompress(zlib.compress(text, wbits=31), 47) == text)
print(zlib.decompress(zlib.compress(text), bufsize=1) == text, zlib.decompress(zlib.compress(text), bufsize=0) == text)
print(zlib.compress(b""), zlib.decompress(zlib.compress(b"")))
print(zlib.compress(b"hello world", level=1), zlib.compress(bytearray(b"abc")))
print(zlib.decompress(zlib.compress(b"payload") + b"trailing garbage"))

for data in (b"", b"a", b"abc", text, bytearray(b"xyz")):
    print(zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b"more", zlib.crc32(b"some")), zlib.crc32(b"somemore"))
print(zlib.adler32(b"more", zlib.adler32(b"some")), zlib.adler32(b"somemore"))
print(zlib.crc32(b"x", 2**40), zlib.crc32(b"x", -1), zlib.adler32(b"x", -5), zlib.crc32(b"x", 2**70 + 5))

names = [n for n in dir(zlib) if n.isupper() and n != "ZLIB_RUNTIME_VERSION"]
for n in names:
    print(n, getattr(zlib, n))
print(issubclass(zlib.error, Exception), zlib.error)

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

attempt("bad header", lambda: zlib.decompress(b"abc"))
attempt("truncated", lambda: zlib.decompress(zlib.compress(text)[:-10]))
attempt("corrupt", lambda: zlib.decompress(b"x\x9c" + bytes(20)))
attempt("str", lambda: zlib.compress("text"))
attempt("int", lambda: zlib.compress(1))
attempt("level 10", lambda: zlib.compress(b"x", 10))
attempt("wbits 99", lambda: zlib.compress(b"x", wbits=99))
attempt("crc32 str", lambda: zlib.crc32("x"))
attempt("crc32 none", lambda: zlib.crc32())
attempt("bufsize -1", lambda: zlib.decompress(b"x", bufsize=-1))
attempt("data keyword", lambda: zlib.decompress(data=b"x"))
attempt("wrong wbits", lambda: zlib.decompress(zlib.compress(b"abc"), -15))

# Stored blocks (level 0) end where CPython's output blocks end: the same bytes over 1 MB.
big = bytes(range(256)) * 5000
c = zlib.compressobj(0)
pieces = b"".join(c.compress(big[i:i + 70000]) for i in range(0, len(big), 70000)) + c.flush()
print(len(pieces), zlib.crc32(pieces), len(zlib.compress(big, 0)), zlib.crc32(zlib.compress(big, 0)))
