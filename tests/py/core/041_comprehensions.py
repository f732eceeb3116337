# List, dict and set comprehensions: conditions, nesting, and their own scope for the loop variable.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print({w: len(w) for w in ["one", "three", "five"]})
print({k: v for k, v in [("a", 1), ("b", 2)] if v > 1})
print(sorted({n % 5 for n in range(100)}))
print([c.upper() for c in "hey" if c != "e"])
x = "outer"
print([x for x in range(3)], x)
n = 3
print([n * i for i in range(4)])
words = ["apple", "bob", "kayak", "tree"]
print([w for w in words if w == w[::-1]])
print({i: [j for j in range(i)] for i in range(4)})
print([v if v % 2 else -v for v in range(6)])
flat = [y for row in [[1, 2], [3], []] for y in row]
print(flat)
def scale(k):
    return [k * v for v in range(3)]
print(scale(5))
