# Tuples: packing, unpacking, nested unpacking, starred targets and swapping.
t = 1, 2, 3
print(t, len(t), t[0], t[-1], t[1:], type(t).__name__)
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
(x, y), z = (10, 20), 30
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
p, *q = [9]
print(p, q)
single = (5,)
print(single, len(single), (), len(()), (1, 2) + (3,), (0,) * 3)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
print((1, 2) == (1, 2), (1, 2) < (1, 3), 2 in (1, 2), (1, [2, 3])[1][0])
m, n = "hi"
print(m, n)
x = y = 7
print(x, y)
a, b, c = c, a, b
print(a, b, c)
