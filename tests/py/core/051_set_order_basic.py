# Sets print, iterate and pop in CPython's hash-table order (PYTHONHASHSEED=0): strs, ints (negative,
# large, colliding), floats, tuples, mixed types; after adds, removes, discards, pops and clear.
print({"apple", "banana", "cherry"})
print(set("hello world"))
print(set(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]))
words = "the quick brown fox jumps over the lazy dog".split()
print(set(words), len(set(words)))
print({c for c in "mississippi"}, frozenset("abracadabra"))
print(set(range(20)), set(range(-10, 10)), set(range(0, 200, 16)))
print({100000000000000000000, 18446744073709551616, -9223372036854775808, 2305843009213693952, -1, -2, 0, 1, 7, 15, 31})
big_ints = [10**20, 2**64, -2**63, 2**61, -1, -2, 0, 1, 7, 15, 31]
print(set(big_ints), set(reversed(big_ints)))
print({1.5, 2.25, -0.0, 1e100, 0.1, float("inf"), 3.0})
print({(1, 2), (2, 1), ("a", 1), (), ("",), ((1,), 2)})
# (None is left out: its hash in CPython 3.11 is its address.)
print({True, False, 0, 1, 2, "x", b"x", 1.0, (1,), frozenset({1})})
# A set display of three or more constants is built from a frozenset constant, as in CPython.
x = "apple"
print({x, "banana", "cherry"}, {"apple", "banana", "cherry"}, {"fig", "kiwi"})
for item in {"pear", "plum", "fig", "kiwi", "lime"}:
    print(item, end=" ")
print()
print([v for v in {30, 7, -4, 1000, 16}], [v for v in {"b", "a"}])

# Collisions: 0, 8, 16 share a slot in an 8-slot table; deleted slots are reused.
s = {0}
s.add(8)
s.add(16)
print(s)
s.remove(0)
s.remove(8)
s.add(24)
s.add(1)
print(s)

s = set()
for i in range(0, 100, 5):
    s.add(i)
print(s)
for i in range(0, 100, 10):
    s.discard(i)
print(s)
for i in range(100, 130, 3):
    s.add(i)
print(s, len(s))

# pop takes from the finger onwards, and clear keeps the finger.
s = set("abcdefghijklmnop")
print([s.pop() for _ in range(5)], s)
s.add("z")
s.add("a")
print(s.pop(), s.pop(), s)
s.clear()
print(s)
s.update("xyzw")
print(s.pop(), s)
s = set(range(40))
print([s.pop() for _ in range(45 - 5)], s)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)

# Large sets grow by four (by two above 50000 entries).
big = set(range(0, 300000, 7))
print(len(big), list(big)[:12], list(big)[-12:])
for i in range(0, 300000, 21):
    big.discard(i)
big.update(range(-30, 0))
print(len(big), list(big)[:12], list(big)[-12:])
neg = {-(2**k) for k in range(70)} | {2**k - 1 for k in range(70)}
print(list(neg)[:25])
