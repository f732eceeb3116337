# for loops over lists, strings, tuples, ranges and dicts; the loop variable survives the loop.
for x in [3, 1, 2]:
    print(x)
for ch in "abc":
    print(ch, end=" ")
print()
for t in (10, 20):
    print(t)
total = 0
for i in range(1, 11):
    total += i
print(total, i)
d = {"a": 1, "b": 2}
for k in d:
    print(k, d[k])
for i, ch in enumerate("xy"):
    print(i, ch)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for _ in range(0):
    print("never")
items = [1, 2, 3]
for x in items:
    x = x * 10
print(items, x)
