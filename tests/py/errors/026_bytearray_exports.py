# A bytearray with a memoryview on it (an exported buffer) refuses every change of size with
# CPython's BufferError, while changes that keep the size still work; releasing the view (or the
# view's `with` block ending, or the view being freed) lets it resize again.
ba = bytearray(b"abc")
m = memoryview(ba)
ops = [
    "ba.append(1)", "ba.extend(b'x')", "ba.extend(b'')", "ba.pop()", "ba.clear()", "ba.insert(0, 1)",
    "ba.remove(97)", "ba.remove(200)", "ba += b'x'", "ba += b''", "ba *= 2", "ba *= 1",
    "ba[0:1] = b'xy'", "ba[0:1] = b'z'", "del ba[0]", "del ba[0:0]", "del ba[::2]", "ba[0] = 66",
    "ba.reverse()", "ba[::2] = b'pq'", "ba.__init__(b'12345')",
]
for op in ops:
    try:
        exec(op)
        print(op, "ok", ba)
    except Exception as e:
        print(op, type(e).__name__, e)
print(m.tobytes(), len(m))
m.release()
ba.append(33)
print("released", ba)

with memoryview(ba) as v:
    try:
        ba.pop()
    except BufferError as e:
        print("in with:", e)
ba.pop()
print("after with", ba)

v1 = memoryview(ba)
v2 = memoryview(ba)
v1.release()
try:
    ba.append(1)
except BufferError as e:
    print("second view still holds:", e)
del v2
ba.append(1)
print("all views gone", ba)

empty = bytearray()
e = memoryview(empty)
try:
    empty.clear()
    print("clearing an empty one: ok")
    empty.append(1)
except BufferError as err:
    print("empty:", err)
print(isinstance(BufferError(), Exception), BufferError.__mro__[1].__name__)
