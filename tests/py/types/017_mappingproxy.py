# types.MappingProxyType: the read-only view type.__dict__ returns (pprint, inspect and
# dataclasses read class namespaces through it); every read goes to the mapping, no write does.
import re
import types


class Point:
    x = 1

    def move(self):
        pass


d = Point.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType)
print(d["x"], "move" in d, "y" in d, d.get("y", "none"), len(d) == len(dict(d)))
print(sorted(k for k in d if not k.startswith("__")))
try:
    d["x"] = 2
except TypeError as e:
    print("TypeError:", e)
Point.y = 5
print(d["y"], "y" in d)  # a live view
print(type(d.copy()).__name__, isinstance(d, types.MappingProxyType))

base = {"a": 1, "b": 2}
p = types.MappingProxyType(base)
print(p, repr(p), str(p))
print(list(p), list(p.keys()), list(p.values()), list(p.items()))
base["c"] = 3
print(p["c"], len(p), p == {"a": 1, "b": 2, "c": 3}, p != base)
print(p | {"d": 4}, {"z": 0} | p)
try:
    p |= {"e": 5}
except TypeError as e:
    print("TypeError:", e)
copied = p.copy()
copied["x"] = 0
print("x" in p, type(copied).__name__)
try:
    p["q"]
except KeyError as e:
    print("KeyError:", e)
for bad in ([1, 2], (1,), 5):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
print(types.MappingProxyType(mapping={"k": "v"}))

print(re.compile(r"(?P<first>\w+) (?P<last>\w+)").groupindex)
print(type(int.__dict__).__name__, "__add__" in int.__dict__)
