# range: the three forms, negative steps, len, indexing, membership and empty ranges.
print(list(range(5)), list(range(2, 7)), list(range(1, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)), list(range(0, -5, -1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], len(range(0)), len(range(10, 0, -3)))
print(7 in r, 8 in r, 31 in r, -1 in range(-5, 0))
print(range(5), range(1, 5), range(1, 10, 2))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(list(reversed(range(4))), list(range(-3, 3)))
print(range(0, 10 ** 20)[-1], 10 ** 20 - 1 in range(0, 10 ** 20), 10 ** 20 in range(10 ** 20))
total = 0
for i in range(100, 0, -7):
    total += i
print(total)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
