# readinto of BytesIO, a buffered file and a raw file into any writable buffer (a bytearray, a slice
# of a memoryview, an array.array: asyncio's sendfile fallback reads into a memoryview), and
# CPython's TypeError for read-only ones.
import io, array, os, tempfile
for make in (lambda: io.BytesIO(b'\x01\x02xyz'), lambda: open(path, 'rb'), lambda: open(path, 'rb', buffering=0)):
    with tempfile.NamedTemporaryFile(delete=False) as t:
        t.write(b'\x01\x02xyz'); path = t.name
    f = make()
    b = bytearray(3)
    print(type(f).__name__, f.readinto(b), b)
    m = memoryview(bytearray(6))
    print(f.readinto(m[1:3]), m.tobytes())
    a = array.array('b', [0] * 4)
    f.seek(0)
    print(f.readinto(a), a)
    for bad in (b'abcd', 'abcd', memoryview(b'abcd')):
        try:
            f.readinto(bad)
        except TypeError as e:
            print(e)
    f.close()
    os.unlink(path)
