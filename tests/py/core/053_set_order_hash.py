# frozenset hashes equal CPython's (its frozenset_hash over the entries' hashes), so do sets of
# frozensets; a set key is looked up as a frozenset in `in`, remove and discard.
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset("abc")))
print(hash(frozenset(range(100))), hash(frozenset({-1, -2})), hash(frozenset({(1, 2), "x", 2.5})))
print(hash(frozenset({frozenset({1}), frozenset({2})})))
print(hash(frozenset([10**30, -10**30, 2**61 - 1, 2**61])))
f = frozenset(range(10))
print(hash(f) == hash(frozenset(reversed(range(10)))), f == set(range(10)))
fam = {frozenset(s) for s in ["ab", "ba", "abc", "", "c", "cab"]}
print(fam, len(fam))
print({1, 2} in fam, set("ab") in fam, {frozenset("ab"), frozenset("ba")})
fam.remove(set("ab"))
fam.discard(set("zz"))
fam.discard({"c"})
print(fam)
try:
    fam.remove({"q"})
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    {1}.add({2})
except TypeError as e:
    print("TypeError", e)

# Changing a set while iterating it fails, for good.
s = set(range(5))
it = iter(s)
next(it)
s.add(99)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError again", e)
s.discard(99)
try:
    print(list(it))
except RuntimeError as e:
    print("still", e, s)

# Keys with a __hash__ and __eq__ of their own: compared only on equal hashes.
class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return "Key(%s)" % self.name
ks = {Key("a", 1), Key("b", 9), Key("c", 17)}
print(ks)
ks.add(Key("a", 1))
ks.add(Key("d", 1))
print(ks, Key("c", 17) in ks)

# A key whose __eq__ empties the set being probed: the probe starts again.
class Clearing:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 5
    def __eq__(self, other):
        self.target.clear()
        return False
victim = set()
victim.add(Clearing(victim))
victim.add(Clearing(victim))
print(len(victim))

# set.__init__ empties the set first; a subclass's __init__ fills it through super().
s = set("abc")
s.__init__("xyz")
print(s)
s.__init__()
print(s)
class Tagged(set):
    def __init__(self, items, tag):
        super().__init__(items)
        self.add(tag)
print(Tagged("abc", "z"), Tagged([3, 1], 2) == {1, 2, 3})
for bad in [lambda: set([1], [2]), lambda: s.__init__(x=1), lambda: frozenset([1], [2])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
