# bytearray: a mutable byte string.
a = bytearray(b"abc")
print(a, len(a), a[0], a[-1], a[1:])
a.append(100)
a.extend(b"ef")
a.extend([103, 104])
print(a)
a[0] = 65
a[1:3] = b"BC"
print(a, a.decode())
del a[0]
print(a)
a += b"!"
print(a, a.pop(), a.pop(0), a)
a.insert(0, 90)
print(a, a.upper(), type(a.upper()).__name__)
print(bytearray(3), bytearray(), bytearray("h\u00e9", "utf-8"), bytearray([1, 2]))
print(a == bytes(a), bytes(a), b"x" + bytearray(b"y"), bytearray(b"x") + b"y")
print(list(bytearray(b"hi")), b"i" in bytearray(b"hi"))
c = a.copy()
c.reverse()
print(c, a)
c.clear()
print(c, len(c))
try:
    a[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray()[0]
except IndexError as e:
    print("IndexError:", e)
