# bytearray.__init__ empties the bytearray and reads an iterable of ints into it item by item, so
# a generator feeding it sees it grow (CPython's bytearray_init); other sources fill it at once.
b = bytearray(b"xyz")


def g():
    for i in range(1, 6):
        yield i
        print(list(b), len(b), b.__alloc__() > len(b))


b.__init__(g())
print(b)
b.__init__([1, 2])
print(b)
b.__init__((7,))
print(b)
try:
    b.__init__(["a"])
except TypeError as e:
    print("TypeError", e, b)
b.__init__(3)
print(b)
b.__init__("ab", "ascii")
print(b)
b.__init__(memoryview(b"mv"))
print(b)
b.__init__()
print(b)
v = bytearray(b"abc")
m = memoryview(v)
try:
    v.__init__(iter([1]))
except BufferError as e:
    print("BufferError", e, v)
m.release()
v.__init__(iter([1]))
print(v)
