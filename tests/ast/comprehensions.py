# List, set, dict comprehensions and generator expressions, nested and filtered.
a = [x for x in range(10)]
b = {x * 2 for x in y if x if x > 1}
c = {k: v for k, v in d.items() if k}
d = (x for x in y)
e = [(i, j) for i in range(3) for j in range(i) if i != j]
f = [[y for y in x] for x in m]
g = sum(x for x in z)
h = [x for *a, x in pairs]
i = [lambda: x for x in y if (lambda: 1)]
