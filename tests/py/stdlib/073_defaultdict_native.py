# The native collections.defaultdict: __missing__ through default_factory, the factory attribute
# (also set from a derived class's __init__), repr (a recursive one too), copy, pickle, `|`, and
# collections.Counter's native _count_elements.
import copy
import pickle
from collections import Counter, defaultdict

d = defaultdict(list)
d["a"].append(1)
d["b"]
print(d, d.default_factory, len(d), "c" in d, d.get("c"))
n = defaultdict(int, {"x": 1}, y=2)
n["z"] += 5
print(n, sorted(n.items()))
none = defaultdict()
try:
    none[1]
except KeyError as exc:
    print("KeyError", exc)
none.default_factory = str
print(repr(none[1]), none)
print(d.copy(), copy.copy(n), copy.deepcopy(d), type(d.copy()).__name__)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(pickle.loads(pickle.dumps(n, proto)), end=" ")
print()
print(n | {"q": 0}, {"q": 0} | n, type({"q": 0} | n).__name__)
n |= {"w": 9}
print(n, type(n).__name__)
print(d.__reduce__()[:2], isinstance(d, dict), defaultdict.__missing__(n, "new"), n["new"])
for bad in (lambda: defaultdict(1), lambda: defaultdict(list, 1, 2)):
    try:
        bad()
    except TypeError as exc:
        print(exc)


class Sub(defaultdict):
    def __init__(self):
        self.default_factory = self._factory

    def _factory(self):
        return []


s = Sub()
s["k"].append(1)
print(s["k"], s.default_factory(), type(s).__name__)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"], type(t["a"]).__name__)

print(Counter("abracadabra").most_common(3), Counter(x % 3 for x in range(10)))
c = Counter()
c.update("hello")
print(sorted(c.items()))
