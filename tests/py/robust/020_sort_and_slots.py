# Crashes found by CPython's test_sort and test_opcache: sorting with a comparison function that
# contradicts itself (and NaN keys) stays within the list; a key function that changes the list is
# detected; a __slots__ descriptor borrowed by an unrelated class raises TypeError at every access
# (the attribute cache once read the slot of the wrong object).
import random
from functools import cmp_to_key

random.seed(7)
for n in range(0, 80, 3):
    for trial in range(20):
        x = list(range(n))
        s = x[:]
        s.sort(key=cmp_to_key(lambda a, b: int(random.random() * 3) - 1))
        assert sorted(s) == x, (n, s)
print("insane comparisons: every result a permutation")

nan = float("nan")
data = [3.0, nan, 1.0, 2.0, nan, 0.0] * 40
out = sorted(data)
print(len(out), sum(1 for v in out if v != v), sorted(v for v in out if v == v)[:3])
print(sorted([3, 1, 2], reverse=True), sorted("banana"), sorted([(1, "b"), (1, "a"), (0, "z")]))
stable = sorted([(i % 3, i) for i in range(12)], key=lambda p: p[0])
print(stable)


def mutating_cmp(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)


L = [1, 2]
try:
    L.sort(key=cmp_to_key(mutating_cmp))
except ValueError as e:
    print("ValueError", e, L)


class Class:
    __slots__ = ("slot",)


class Sneaky:
    borrowed = Class.slot


o = Sneaky()
for _ in range(3):
    for action in (lambda: o.borrowed, lambda: setattr(o, "borrowed", 1), lambda: delattr(o, "borrowed")):
        try:
            action()
        except TypeError as e:
            print("TypeError", e)
c = Class()
c.slot = 5
print(c.slot, Class.slot.__get__(c, Class))
