# hash(memoryview): the hash of the bytes it shows, for read-only views of 'B', 'b' or 'c' items
# only (CPython's messages otherwise); a released view keeps a hash it computed before.
import array


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
attempt("bytes", lambda: hash(m) == hash(b"abcdef"))
attempt("slice", lambda: hash(m[::2]) == hash(b"ace"))
attempt("reversed", lambda: hash(m[::-1]) == hash(b"fedcba"))
attempt("cast B", lambda: hash(memoryview(b"abcd").cast("B")) == hash(b"abcd"))
attempt("cast c", lambda: hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"))
attempt("cast b", lambda: hash(memoryview(b"abcd").cast("b")) == hash(b"abcd"))
attempt("cast i", lambda: hash(memoryview(b"abcd").cast("i")))
attempt("bytearray", lambda: hash(memoryview(bytearray(b"ab"))))
attempt("array", lambda: hash(memoryview(array.array("B", b"ab"))))
attempt("dict key", lambda: {memoryview(b"ab"): 1}[b"ab"])
attempt("set", lambda: b"xy" in {memoryview(b"xy")})
gone = memoryview(b"abcd")
gone.release()
attempt("released", lambda: hash(gone))
kept = memoryview(b"abcdef")
h = hash(kept)
kept.release()
attempt("released after hashing", lambda: hash(kept) == h)
