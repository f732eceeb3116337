# Sets of small ints: add, discard, remove, membership, set algebra; printed sorted for a stable order.
s = {3, 1, 2}
s.add(2)
s.add(10)
print(sorted(s), len(s), 3 in s, 4 in s)
s.discard(10)
s.discard(99)
s.remove(1)
print(sorted(s))
a = set(range(0, 10))
b = set(range(5, 15))
print(sorted(a | b))
print(sorted(a & b))
print(sorted(a - b))
print(sorted(a ^ b))
print(set() == set(), {1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2}, len(set()))
seen = set()
dups = []
for x in [4, 2, 4, 1, 2, 4, 5]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(sorted(seen), dups)
print(sorted(set([5, 5, 3, 3, 1])), sorted({x % 4 for x in range(20)}))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
