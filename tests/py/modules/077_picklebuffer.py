# pickle.PickleBuffer (PEP 574, pickle protocol 5): wrapping bytes-like objects, memoryview() and
# raw() of one, release(), in-band and out-of-band pickling with buffer_callback and buffers=, the
# read-only flag kept through READONLY_BUFFER (memoryview.toreadonly), and the errors.
import array
import io
import pickle
import weakref
from pickle import PickleBuffer

for obj in (b"abc", bytearray(b"abc"), memoryview(b"abcdef")[1:4], array.array("i", [1, 2])):
    pb = PickleBuffer(obj)
    m = memoryview(pb)
    # (Of a memoryview, CPython's .obj is that memoryview; minipy's, what it views: not printed.)
    print(type(obj).__name__, isinstance(obj, memoryview) or m.obj is obj, m.readonly, m.format, m.nbytes, bytes(pb))
    raw = pb.raw()
    print("  raw", raw.format, raw.itemsize, raw.nbytes, raw.readonly, raw.tobytes())

try:
    PickleBuffer(memoryview(b"abcdef")[::2]).raw()
except BufferError as e:
    print("BufferError", e)
for bad in (1, "text", None):
    try:
        PickleBuffer(bad)
    except TypeError as e:
        print("TypeError", e)

pb = PickleBuffer(bytearray(b"xyz"))
pb.release()
pb.release()
for attempt in (lambda: pb.raw(), lambda: memoryview(pb)):
    try:
        attempt()
    except ValueError as e:
        print("ValueError", e)
print(weakref.ref(pb)() is pb, PickleBuffer.__module__, PickleBuffer.__name__, pickle.PickleBuffer is PickleBuffer)

# A bytearray keeps its size while a PickleBuffer exports it.
ba = bytearray(b"123")
pb = PickleBuffer(ba)
try:
    ba.append(52)
except BufferError as e:
    print("BufferError", e)
pb.release()
ba.append(52)
print(ba)

# In band: the bytes travel inside the pickle, as bytes or bytearray.
for obj in (b"in band", bytearray(b"in band too")):
    for proto in (5,):
        data = pickle.dumps(PickleBuffer(obj), protocol=proto)
        print(data, pickle.loads(data))
try:
    pickle.dumps(PickleBuffer(b"x"), protocol=4)
except pickle.PicklingError as e:
    print("PicklingError", e)

# Out of band: buffer_callback takes them (a false answer keeps one in band); buffers= gives them back.
buffers = []
payload = [PickleBuffer(b"first"), PickleBuffer(bytearray(b"second")), PickleBuffer(b"kept")]
data = pickle.dumps(payload, protocol=5, buffer_callback=lambda b: buffers.append(b) or len(buffers) > 2)
print(data, len(buffers))
loaded = pickle.loads(data, buffers=buffers)
print([bytes(x) for x in loaded], [type(x).__name__ for x in loaded])
print([memoryview(x).readonly for x in loaded])
f = io.BytesIO()
pickle.dump(payload, f, protocol=5, buffer_callback=lambda b: True)
f.seek(0)
print(pickle.load(f))
for args in ({}, {"buffers": []}):
    try:
        pickle.loads(data, **args)
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)

m = memoryview(bytearray(b"ab"))
r = m.toreadonly()
print(m.readonly, r.readonly, r.tobytes(), r.obj is m.obj)
try:
    r[0] = 0
except TypeError as e:
    print("TypeError", e)
