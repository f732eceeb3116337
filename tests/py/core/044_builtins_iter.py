# Iteration builtins: enumerate (with start), zip, iter/next with a default, map, filter.
for i, ch in enumerate("abc"):
    print(i, ch)
print(list(enumerate(["x", "y"], start=1)), list(enumerate("ab", 10)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], [3, 4, 5], [6, 7, 8])), list(zip()))
names = ["ann", "bob"]
ages = [30, 40]
for n, a in zip(names, ages):
    print(n, a)
print(dict(zip(names, ages)))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"), next(it, None))
s = iter("hi")
print(next(s), list(s), list(s))
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda v: v % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
m = map(abs, [-1, -2])
print(next(m), list(m))
d = {"k1": 1, "k2": 2}
di = iter(d)
print(next(di), next(di), next(di, "no more"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration caught")
print(list(zip(*[(1, "a"), (2, "b")])))
