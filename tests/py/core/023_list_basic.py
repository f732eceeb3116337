# Lists: literals, indexing (including negative), item assignment, len, +, *, == and nesting.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[-3])
a[1] = 20
a[-1] = 30
print(a)
print(a + [4, 5], [0] * 4, 2 * [1, 2], [] * 5, [[]] * 2)
print(a == [1, 20, 30], a != [1, 20, 30], [1, 2] == [1, 2.0], [] == [])
grid = [[1, 2], [3, 4], [5, 6]]
print(grid[1], grid[1][0], grid[-1][-1], len(grid))
grid[0][1] = 99
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 7
print(shared)
b = a
b.append(40)
print(a, b is a)
c = a[:]
c.append(50)
print(a, c)
print([1, "two", 3.0, None, [5]], list("abc"), list(range(4)), list())
mixed = [1, [2, [3, [4]]]]
print(mixed[1][1][1][0])
print(2 in a, 20 in a, [3] in [[3], 4])
