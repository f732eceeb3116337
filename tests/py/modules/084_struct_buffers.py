# struct.pack_into into any writable buffer, negative offsets and their errors, count overflow,
# embedded nulls in the format and long Pascal strings (CPython's test_struct cases).
import array
import struct
import sys

store = array.array("b", b" " * 12)
struct.pack_into("<hh", store, 2, 258, -2)
print(store.tobytes())
s = struct.Struct("<I")
s.pack_into(store, -4, 0x01020304)
print(store.tobytes(), s.unpack_from(store, -4))

raw = bytearray(8)
view = memoryview(raw)
struct.pack_into(">H", view, 6, 0xABCD)
print(raw)
try:
    struct.pack_into("b", memoryview(b"abc"), 0, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    struct.pack_into("b", b"abc", 0, 1)
except TypeError as e:
    print("TypeError:", e)

buf = bytearray(10)
for call in [lambda: struct.pack_into("<I", buf, -2, 123),
             lambda: struct.pack_into("<B", buf, -11, 123),
             lambda: struct.pack_into("<I", buf, 8, 123),
             lambda: struct.unpack_from("<I", buf, -2),
             lambda: struct.unpack_from("<B", buf, -11),
             lambda: struct.unpack_from("<I", buf, 8)]:
    try:
        call()
    except struct.error as e:
        print("struct.error:", e)
struct.pack_into("<H", buf, -10, 7)
print(buf, struct.unpack_from("<H", buf, -10))

for fmt in ["{}b".format(sys.maxsize + 1), "{}b{}H".format(sys.maxsize // 2, sys.maxsize // 2),
            "\0", "2\0i", b"\0"]:
    try:
        print(struct.calcsize(fmt))
    except struct.error as e:
        print("struct.error:", e)

for code, data in [("1000p", b"z" * 1000), ("3p", b"abc"), ("300p", b"y" * 260)]:
    packed = struct.pack(code, data)
    print(code, len(packed), packed[:4], len(struct.unpack(code, packed)[0]))
