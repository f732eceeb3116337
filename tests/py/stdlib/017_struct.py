# CPython's struct.py over minipy's native _struct: byte orders, sizes, alignment, strings, floats,
# Struct objects, pack_into/unpack_from/iter_unpack and struct.error.
import struct

print(struct.pack("<hI", -2, 7), struct.pack(">hI", -2, 7), struct.pack("@bi", 1, 2), struct.calcsize("@bi"), struct.calcsize("<bi"))
print(struct.unpack("<hI", b"\xfe\xff\x07\x00\x00\x00"), struct.pack("!Q", 2 ** 64 - 1), struct.unpack(">q", b"\x80" + b"\0" * 7))
print(struct.pack("<3s2xc?", b"abcdef", b"z", True), struct.unpack("<5s", b"hi\0\0\0"), struct.pack("5p", b"ab"), struct.unpack("5p", b"\x02abzz"))
print(struct.pack("<d", 1.5), struct.unpack("<f", struct.pack("<f", 0.1))[0], struct.pack(">e", 1.0), struct.unpack("<e", b"\x00\x3c"))
s = struct.Struct("<2H")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")))
buf = bytearray(8)
struct.pack_into("<I", buf, 2, 0xDEADBEEF)
print(buf, struct.unpack_from("<I", buf, 2), struct.unpack_from("<H", buf, offset=4))
print(struct.pack("<l", -1), struct.pack("<L", 4294967295), struct.calcsize("<qQdf"), struct.pack("<" + "B" * 3, 1, 2, 3))
for bad in [lambda: struct.pack("<B", 256), lambda: struct.pack("<h", 40000), lambda: struct.pack("<I", -1),
            lambda: struct.unpack("<I", b"ab"), lambda: struct.pack("<2h", 1), lambda: struct.pack("<y", 1),
            lambda: struct.pack("<i", "x"), lambda: struct.pack("<c", b"ab")]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)
print(struct.error.__module__, issubclass(struct.error, Exception))
for f, v in [("<b", 200), ("<H", -1), ("<i", 2 ** 31), ("<I", 2 ** 32), ("<q", 2 ** 63), ("<Q", -1), ("@I", -1),
             ("@h", 40000), ("@n", 2 ** 63), ("<L", -1)]:
    try:
        struct.pack(f, v)
    except struct.error as e:
        print(f, v, e)
print(struct.unpack("<Q", struct.pack("<Q", 2 ** 64 - 1)), struct.pack("<Q", 2 ** 63 + 5))
