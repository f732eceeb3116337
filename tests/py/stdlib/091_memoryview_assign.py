# Item and slice assignment through a memoryview of a bytearray, as readinto() implementations
# fill the view they are given; CPython's errors for a length mismatch, read-only memory, a bad index.
ba = bytearray(b"abcdef")
m = memoryview(ba)
m[0] = 65
m[1:3] = b"XY"
m.cast("B")[3:4] = bytearray(b"Z")
print(ba)
for bad in (lambda: m.__setitem__(slice(0, 2), b"x"), lambda: memoryview(b"ab").__setitem__(0, 1), lambda: m.__setitem__(9, 1)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
