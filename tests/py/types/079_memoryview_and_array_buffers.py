# array.array exports its buffer as CPython's: bytes(), bytearray(), b"".join, bytes + array and
# memoryview all read its items' bytes; memoryview iterates, slices share the memory (writes through
# a slice reach the object), items and slices are assigned with CPython's checks, cast/tolist work
# for the common formats.
from array import array

a = array("h", [1, -2, 0x102])
print(bytes(a), bytearray(a), b"".join([a, b"!"]), b"x" + a, bytearray(b"y") + a, len(bytes(array("d", [1.5]))))
print(bytes(array("q", [-1])), bytes(array("b", [-1, 2])), bytes(array("B")), b"-".join([array("B", [65, 66])]))

m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.shape, m.strides, m.obj is a)
print(list(m), m.tolist(), m[1], m[-1], m[::-1].tolist(), m[1:].tolist(), m.tobytes(), m.hex())
m[0] = 300
m[1:3] = array("h", [7, 8])
print(a)
for value in (70000, 1.5, "x", -40000):
    try:
        m[0] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for src in (b"ab", array("i", [1, 2]), array("h", [1])):
    try:
        m[0:2] = src
    except ValueError as e:
        print("ValueError", e)
print(a)

# Slices are views of the same memory.
buf = bytearray(b"0123456789")
view = memoryview(buf)
part = view[2:8:2]
print(part.tolist(), part.nbytes, part.contiguous, view[2:5].contiguous)
part[0] = ord("x")
part[1:] = b"yz"
print(buf, bytes(part), part.tobytes(), list(view[::-3]))
view[1:3] = b"AB"
view[-2:] = view[:2]
print(buf, view[3:6] == b"xAB"[0:3], view[:2] == bytearray(b"0A"))

# Each format: items read, written, cast.
for code in "bBhHiIlLqQfd":
    arr = array(code, [1, 2, 3])
    mv = memoryview(arr)
    mv[1] = 5
    mv[::2] = array(code, [7, 9])
    print(code, mv.format, mv.itemsize, mv.tolist(), list(mv[::-1]), arr.tolist(), mv == arr, mv == array(code, [7, 5, 8]))
b = memoryview(b"\x01\x02\x03\x04\x05\x06\x07\x08")
print(b.cast("i").tolist(), b.cast("H")[1:].tolist(), b.cast("q").tolist(), b.cast("c")[0], b.cast("@B").tolist())
print(b.cast("b").cast("h").tolist(), memoryview(array("i", [-1, 2])).cast("B").tolist())
print(list(memoryview(b"\x7f\x80\x81\xff").cast("b")), memoryview(b"\x00\x01").cast("?").tolist())
for bad in (lambda: b.cast("i").cast("h"), lambda: b[::2].cast("h"), lambda: b.cast("xx"), lambda: b[:3].cast("h"),
            lambda: b.__setitem__(0, 1), lambda: b.__delitem__(0), lambda: b["a"], lambda: b[8],
            lambda: memoryview("text"), lambda: memoryview(array("u", "ab")).tolist()):
    try:
        print(bad())
    except (TypeError, ValueError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)

# A view of an array follows the array; a released view refuses everything.
arr = array("i", [1, 2])
mv = memoryview(arr)
arr[0] = 10
print(mv[0], mv.tolist(), bytes(mv) == bytes(arr), memoryview(mv).tolist(), memoryview(mv[1:]).tolist())
mv.release()
try:
    mv[0]
except ValueError as e:
    print(e)
with memoryview(bytearray(b"ab")) as w:
    w[(0,)] = 120
    print(w[0], w[(1,)])
    for key in ("a", 1.5, None, ...):
        try:
            w[key]
        except TypeError as e:
            print(e)
print(repr(w).startswith("<released memory at "), bytes(memoryview(b"abc")[1:]), bytearray(memoryview(b"abc")[::2]), b"-".join([memoryview(b"ab")[1:]]))

# exec, eval and compile read source from any buffer.
exec(memoryview(b"print('exec', 1)"))
print(eval(memoryview(b"2 + 2")), eval(array("b", b"3 * 3")), eval(compile(bytearray(b"4"), "f", "eval")))

# An __index__ or __float__ that releases the view while it is being used: ValueError, no crash.
def releasing(kind, value):
    class Releases:
        def __index__(self):
            m.release()
            return value

        def __float__(self):
            m.release()
            return float(value)

    return Releases()


for target, action in ((bytearray(b"\xff" * 64), lambda: m[releasing(0, 4)]),
                       (bytearray(b"\xff" * 64), lambda: m.__setitem__(releasing(0, 4), 42)),
                       (bytearray(b"\xff" * 64), lambda: m.__setitem__(0, releasing(0, 4))),
                       (bytearray(b"\xff" * 64), lambda: m.__setitem__(slice(releasing(0, 4), 8), b"spam")),
                       (array("d", [1.0] * 8), lambda: m.__setitem__(0, releasing(0, 4)))):
    m = memoryview(target)
    try:
        action()
    except ValueError as e:
        print(e)
    del target
