# The results of set operations come out in CPython's order: which operand each iterates, and which it
# copies (a copy of an empty-enough table keeps the source's layout), decides the result's table.
a = set(range(-20, 100, 3))
b = {x * 7 for x in range(-10, 30)}
print(a | b)
print(b | a)
print(a & b)
print(b & a)
print(a - b)
print(b - a)
print(a ^ b)
print(b ^ a)
small = {"c", "a", "q"}
large = set("abcdefghijklmnopqrstuvwxyz")
print(small & large, large & small)
print(small.intersection("zyxcba"), large.intersection(["q", "a", "c", "zz"]))
print(large - small, small - large, large - set("aeiou"))
print(large.difference("aeiou", "xyz"), large.difference({"a": 1, "b": 2}))
print(set(range(100)) - {5, 6}, set(range(10)) - set(range(3, 100)))
print(small.union("def", ["g", "h"]), frozenset(small).union("xy"))
print(small.symmetric_difference("cdef"), large.symmetric_difference({"a": 0, "zz": 1}))
print(a.issubset(b), (a & b).issubset(a), a.issuperset(range(-20, 0, 3)), a.isdisjoint({1000}))
print(a == set(a), a < a | {1000}, a > a, a <= b, frozenset(a) == a, a != b)

# In-place forms change the left operand's own table.
s = set(range(50))
s &= set(range(25, 75, 2))
print(s)
s |= {"x", "y", 1000}
print(s)
s -= set(range(0, 100, 3))
print(s)
s ^= set(range(20, 40))
print(s)
t = set("abcdefghij")
t.intersection_update("jihgfzz", "ghijk")
print(t)
t = set("abcdefghij")
t.difference_update("aeiou", ["b"])
print(t)
t = set("abcdefghij")
t.symmetric_difference_update("fghijklm")
print(t)
t.symmetric_difference_update({"z": 1, "a": 2})
print(t)
t.update({"p": 0, "q": 1}, range(5), frozenset({(1, 2)}))
print(t)
# Many removals leave dummies; difference_update drops them when over a quarter of the table.
u = set(range(64))
u.difference_update(range(0, 64, 2))
u.update([100, 64, 200])
print(u)
u -= u
print(u)

# Copies and conversions.
base = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 32, 40, 48}
print(base.copy(), set(base), frozenset(base), set(frozenset(base)))
d = dict.fromkeys([5, 13, 21, 29, 37, 2, 100, 44, 9])
print(set(d), set(d.keys()), set(d.items()) == set(d.items()), set(d.values()))
print({*d, *base}, {*"abc", *"cde"})

# dict views' set operations build sets as CPython's do.
d = dict(zip("abcdefgh", range(8)))
e = dict(zip("efghijkl", range(4, 12)))
print(d.keys() - e.keys(), d.keys() | e.keys(), d.keys() & e.keys(), d.keys() ^ e.keys())
print(d.items() ^ e.items())
print(d.items() & e.items(), d.items() - {("a", 0)})
print({"zz", "a"} - d.keys(), {"a", "b", "q"} & d.keys(), ["a", "zz"] | d.keys())
