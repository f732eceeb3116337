# List slicing, slice assignment (growing, shrinking, extended slices) and del on items and slices.
a = list(range(10))
print(a[2:5], a[:3], a[-2:], a[::3], a[::-1], a[7:2:-2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [100, 200]
print(b)
b[:] = [1, 2]
print(b)
c = list(range(8))
c[::2] = ["e", "e", "e", "e"]
print(c)
c[-3:] = []
print(c)
d = list(range(10))
del d[0]
print(d)
del d[-1]
print(d)
del d[2:4]
print(d)
del d[::2]
print(d)
e = [1, 2, 3]
e[len(e):] = [4, 5]
print(e)
try:
    e[::2] = [0]
except ValueError as err:
    print("ValueError", err)
