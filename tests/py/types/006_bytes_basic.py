# bytes: literals, repr with escapes, indexing, slicing, len, iteration, comparison, hashing.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2])
print(list(b))
for byte in b"AZ":
    print(byte)
print(b"" == b"", b"a" == b"a", b"a" != b"b", b"a" < b"b", b"ab" > b"a")
print(b"a" == "a")
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print(b"\x00\x01\x7f\x80\xff\t\n\r\\")
print(b"abc" + b"def", b"ab" * 3, 2 * b"xy", b"" * 5)
print(b"ell" in b, 104 in b, 120 in b, b"" in b)
print(hash(b"abc") == hash(b"abc"))
d = {b"key": 1}
print(d[b"key"], b"key" in d)
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"copy"), bytes(range(3)))
print(bytes("h\u00e9", "utf-8"), bytes("abc", encoding="ascii"))
print(type(b), type(b[0]), type(b[0:1]))
print(b.hex(), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff").hex())
print(sorted([b"b", b"a", b"c"]))
print(bool(b""), bool(b"x"))
print(str(b"x"), f"{b'y'}")
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
