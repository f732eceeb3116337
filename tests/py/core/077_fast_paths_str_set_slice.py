# The interpreter's shortcuts give what the general paths give: comparisons of exact strs (all six
# operators, non-ASCII text and lone surrogates ordered by code point), str subclasses through their
# own methods, list copies of any length (the items counted), and set algebra on sets, frozensets
# and their subclasses.
import sys

words = ["", "a", "b", "ab", "abc", "é", "z", "\u00ff", "\u0100", "\ud800", "\udfff", "\ue000", "\U0001f600",
         "A", "aa"]
table = []
for x in words:
    row = ""
    for y in words:
        row += "".join("1" if r else "0" for r in (x < y, x <= y, x == y, x != y, x > y, x >= y))
    table.append(row)
print(sorted(words) == sorted(words, key=lambda s: [ord(c) for c in s]))
flat = "".join(table)
print(len(flat), sum(i for i, c in enumerate(flat) if c == "1"), table[5][:36], table[9][-36:])


class Loud(str):
    def __eq__(self, other):
        return "eq!"

    def __lt__(self, other):
        return "lt!"


print(Loud("a") == "a", "a" == Loud("a"), Loud("a") < "b", "b" > Loud("a"), "a" != Loud("a"))
try:
    "a" < 1
except TypeError as e:
    print(e)

items = [object() for _ in range(40)]
before = [sys.getrefcount(o) for o in items]
copies = [items[:], items[3:30], items[::-1], items[5:7], items[100:], items[-10:]]
after = [sys.getrefcount(o) for o in items]
print([b - a for a, b in zip(before, after)][:12], [len(c) for c in copies])
del copies
print([sys.getrefcount(o) for o in items] == before)
print(list(range(20))[2:15], list(range(20))[18:100], list(range(20))[15:3])

a = frozenset(range(10))
b = set(range(5, 15))


class S(set):
    pass


class F(frozenset):
    pass


for x, y in [(a, b), (b, a), (S(a), b), (a, F(b)), (frozenset(range(3)), a), (F(), S())]:
    print(type(x).__name__, type(y).__name__, sorted(x - y), sorted(x & y), sorted(x | y), sorted(x ^ y),
          x <= y, x < y, x >= y, x > y, x == y, x != y, x.isdisjoint(y), type(x - y).__name__)
print(min(frozenset(range(7, 50))), max({3, 9, 1}), sorted(frozenset("hello")))
