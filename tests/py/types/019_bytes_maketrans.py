# bytes.maketrans / bytearray.maketrans: a 256-byte table for translate(), always bytes.
table = bytes.maketrans(b"abc", b"xyz")
print(type(table).__name__, len(table), table[97:100], table[:3])
print(b"aabbcc-d".translate(table), bytearray(b"cab").translate(table))
print(type(bytearray.maketrans(b"a", b"b")).__name__, bytes.maketrans(bytearray(b"q"), memoryview(b"r"))[113])
print(bytes.maketrans(b"", b"") == bytes(range(256)))
for args in [(b"ab", b"c"), ("ab", b"cd"), (b"a",), (b"a", b"b", b"c")]:
    try:
        bytes.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
