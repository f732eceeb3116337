# itertools objects pickle and copy as in CPython 3.11, through __reduce__ and __setstate__: what
# __reduce__ returns at each stage (fresh, part-way, finished), and copy.copy, copy.deepcopy and
# pickle round trips at every protocol, each continuing where the original stood.
import copy
import operator
import pickle
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)


def shape(x):
    """A reduce value with every iterator shown by its type name (addresses differ from run to run)."""
    if isinstance(x, tuple):
        return "(" + ", ".join(shape(i) for i in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(shape(i) for i in x) + "]"
    if isinstance(x, type):
        return x.__qualname__
    if hasattr(x, "__next__") or type(x).__name__ == "_tee_dataobject":
        return "<" + type(x).__name__ + ">"
    return repr(x)


def advanced(it, n):
    for _ in range(n):
        next(it)
    return it


def reduced(label, it):
    print(label, shape(it.__reduce__()))


reduced("count(5)", count(5))
reduced("count(5, 2)", count(5, 2))
reduced("count(2.5)", count(2.5))
reduced("count past maxsize", advanced(count(9223372036854775806), 3))
reduced("repeat(5)", repeat(5))
reduced("repeat(5, 2)", repeat(5, 2))
reduced("repeat(5, -2)", repeat(5, -2))
reduced("cycle fresh", cycle("ab"))
reduced("cycle after 1", advanced(cycle("ab"), 1))
reduced("cycle after 3", advanced(cycle("ab"), 3))
reduced("accumulate fresh", accumulate([1, 2]))
reduced("accumulate after 1", advanced(accumulate([1, 2], operator.mul), 1))
reduced("accumulate initial", accumulate([1, 2], initial=3))
reduced("accumulate total None", advanced(accumulate([None, 2], lambda a, b: b), 1))
reduced("chain fresh", chain("ab", "c"))
reduced("chain after 1", advanced(chain("ab", "c"), 1))
exhausted = chain("a")
list(exhausted)
reduced("chain exhausted", exhausted)
reduced("compress", compress("ab", [1]))
reduced("dropwhile", dropwhile(bool, []))
reduced("takewhile", advanced(takewhile(bool, [1, 0]), 1))
reduced("filterfalse", filterfalse(None, []))
reduced("starmap", starmap(pow, []))
reduced("groupby fresh", groupby("aab"))
reduced("groupby started", advanced(groupby("aab"), 1))
g = groupby("aab")
_, group = next(g)
reduced("_grouper newest", group)
next(g)
reduced("_grouper old", group)
reduced("islice fresh", islice("abc", 1, None, 2))
reduced("islice part", advanced(islice("abc", 2), 1))
reduced("islice done", advanced(islice("abc", 2), 2))
done = islice("abc", 1)
list(done)
reduced("islice exhausted", done)
reduced("product fresh", product("ab", "cd"))
reduced("product started", advanced(product("ab", "cd"), 1))
done = product("a")
list(done)
reduced("product done", done)
reduced("combinations fresh", combinations("abc", 2))
reduced("combinations started", advanced(combinations("abc", 2), 3))
done = combinations("ab", 1)
list(done)
reduced("combinations done", done)
reduced("cwr started", advanced(combinations_with_replacement("abc", 2), 2))
reduced("permutations started", advanced(permutations("abc", 2), 2))
reduced("zip_longest", zip_longest("ab", "c", fillvalue=5))
reduced("zip_longest part", advanced(zip_longest("ab", "c"), 2))
a, b = tee("abc")
reduced("tee", advanced(a, 1))
print("tee data", shape(a.__reduce__()[2][0].__reduce__()))


def below3(x):
    return x < 3


def second(a, b):
    return b


def copies(make, take):
    """The rest of a fresh iterator and of one advanced by `take`, through each way of copying."""
    results = set()
    for way in ["copy", "deepcopy"] + [f"pickle{p}" for p in range(pickle.HIGHEST_PROTOCOL + 1)]:
        it = advanced(make(), take)
        if way == "copy":
            dup = copy.copy(it)
        elif way == "deepcopy":
            dup = copy.deepcopy(it)
        else:
            dup = pickle.loads(pickle.dumps(it, int(way[6:])))
        rest = list(islice(dup, 12))
        results.add((type(dup).__name__, repr(rest)))
    return results


MAKERS = [
    ("count", lambda: count(3), 2),
    ("count step", lambda: count(1.5, 0.5), 1),
    ("count big", lambda: count(2 ** 65, -1), 1),
    ("repeat", lambda: repeat("r", 5), 2),
    ("repeat endless", lambda: repeat("e"), 1),
    ("accumulate", lambda: accumulate(range(6)), 2),
    ("accumulate initial", lambda: accumulate(range(3), initial=7), 0),
    ("accumulate None total", lambda: accumulate([None, None, None], operator.is_), 1),
    ("accumulate second", lambda: accumulate([None, 1, None], second), 1),
    ("chain", lambda: chain("abc", "de"), 4),
    ("compress", lambda: compress("ABCDEF", [1, 0, 1, 0, 1, 1]), 1),
    ("dropwhile", lambda: dropwhile(below3, range(6)), 1),
    ("takewhile", lambda: takewhile(below3, range(6)), 1),
    ("filterfalse", lambda: filterfalse(None, [0, 1, 0, "", 2]), 1),
    ("starmap", lambda: starmap(operator.add, [(1, 2), (3, 4), (5, 6)]), 1),
    ("islice", lambda: islice(range(20), 2, 15, 3), 2),
    ("zip_longest", lambda: zip_longest("abc", "de", fillvalue="?"), 2),
    ("product", lambda: product("ab", range(3)), 2),
    ("product repeat", lambda: product("01", repeat=3), 5),
    ("combinations", lambda: combinations("abcd", 2), 2),
    ("cwr", lambda: combinations_with_replacement("abc", 2), 3),
    ("permutations", lambda: permutations("abc"), 2),
]
for name, make, take in MAKERS:
    for n in sorted({0, take}):
        print(name, n, sorted(copies(make, n)))

# cycle and tee pickle (and deep-copy) but cycle's copy.copy shares its saved list with the original.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    c = cycle("abc")
    next(c)
    print("cycle", proto, list(islice(pickle.loads(pickle.dumps(c, proto)), 7)),
          list(islice(pickle.loads(pickle.dumps(advanced(c, 3), proto)), 7)))
    it = iter("abcde")
    c = cycle(it)
    advanced(c, 2)
    print("cycle of a part-read iterator", list(islice(pickle.loads(pickle.dumps(c, proto)), 8)))
print("cycle deepcopy", list(islice(copy.deepcopy(advanced(cycle("abc"), 1)), 5)))
c = cycle("defg")
c.__setstate__((list("abc"), 0))
print("cycle setstate 0", list(islice(c, 10)))
c = cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print("cycle setstate 1", list(islice(c, 10)))
print("cycle old pickle", list(islice(pickle.loads(
    b'citertools\ncycle\n(c__builtin__\niter\n((lI1\naI2\naI3\natRI1\nbtR((lI1\naI0\ntb.'), 7)))

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    a, b = tee(range(100))
    advanced(a, 60)
    advanced(b, 3)
    a2, b2 = pickle.loads(pickle.dumps((a, b), proto))
    print("tee", proto, type(a2).__name__, next(a2), next(b2), len(list(a2)), len(list(b2)), next(a), next(b))
a, b = tee("abc")
next(a)
print("tee copy", list(copy.copy(a)), list(copy.copy(b)), list(copy.deepcopy(b)), list(a), list(b))
a, b = tee(iter([1, 2, 3]))
c = a.__copy__()
print("tee __copy__", type(c).__name__, next(a), next(c), next(c), next(b), list(a))

g = groupby([(0, "a"), (0, "b"), (1, "c")], key=operator.itemgetter(0))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("groupby", proto, [(k, list(v)) for k, v in pickle.loads(pickle.dumps(g, proto))])
g = groupby("aabbc")
k, grp = next(g)
print("groupby part", next(grp), [(k, list(v)) for k, v in copy.deepcopy(g)], list(grp))
g = groupby("aabbc")
k, grp = next(g)
print("_grouper", list(pickle.loads(pickle.dumps(grp))))

p = product((1, 2), (3,))
p.__setstate__((0, 0x1000))
print("product clamps", next(p))
p = product((1, 2), (), (3,))
p.__setstate__((0, 0, 0x1000))
print("product with an empty pool", list(p))
c = combinations("abcd", 2)
c.__setstate__((5, -3))
print("combinations clamps", list(c))
c = combinations_with_replacement("abc", 2)
c.__setstate__((-1, 9))
print("cwr clamps", list(c))
p = permutations("abc", 2)
p.__setstate__(((9, -1, 1), (0, 99)))
print("permutations clamps", list(p))
i = islice(range(10), 5)
i.__setstate__(2)
print("islice setstate", list(i))
d = dropwhile(below3, range(6))
d.__setstate__([1])
t = takewhile(below3, range(6))
t.__setstate__("stop")
print("dropwhile/takewhile setstate", list(d), list(t))
a = accumulate([1, 2, 3])
a.__setstate__(100)
print("accumulate setstate", list(a))
z = zip_longest("a", "bcd")
z.__setstate__("!")
print("zip_longest setstate", list(z))
ch = chain()
ch.__setstate__((iter(["abc", "def"]), iter("gh")))
print("chain setstate", list(ch))
