# array.array refuses to change size while a memoryview of it is alive (BufferError), as CPython;
# operations that keep the size still work, and releasing the view lifts the restriction.
import array

a = array.array("i", [1, 2, 3])
m = memoryview(a)
operations = [
    "a.append(4)", "a.extend([1])", "a.extend([])", "a.extend(array.array('i'))",
    "del a[0]", "del a[5:9]", "del a[::2]", "a.pop()", "a.pop(7)", "a.remove(2)", "a.remove(99)",
    "a.insert(0, 1)", "a.insert(0, 'x')", "a.frombytes(b'\\0' * 4)", "a.frombytes(b'')",
    "a.fromlist([1])", "a.fromlist([])", "a.fromunicode('x')", "a *= 2", "a *= 1",
    "a += array.array('i', [1])", "a += array.array('i')", "a[0:1] = array.array('i')",
    "a[0:1] = array.array('i', [7])", "a[::2] = array.array('i', [8, 9])", "a.byteswap()",
    "a.reverse()", "a[0] = 9", "a[-1] = 10",
]
for op in operations:
    try:
        exec(op)
        print(op, "->", a.tolist())
    except Exception as e:
        print(op, "->", type(e).__name__, e)

# A copy or slice of the view counts as one more export; each must go.
m2 = m[1:]
m3 = memoryview(m)
m.release()
for view in (m2, m3):
    try:
        a.append(0)
    except BufferError as e:
        print("still exported:", e)
    view.release()
a.append(0)
print(a)

# A view that is collected stops counting too; and a cast view counts.
b = array.array("B", b"abcd")
memoryview(b)
b.append(101)
c = memoryview(b).cast("c")
try:
    b.pop()
except BufferError as e:
    print(e)
with c:
    pass
b.pop()
print(b)
with memoryview(b) as v:
    try:
        b *= 0
    except BufferError as e:
        print(e)
b *= 0
print(b)
