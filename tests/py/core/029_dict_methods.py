# dict methods: get, setdefault, pop, items, keys, values, update, copy, clear, popitem.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("b"), d.pop("missing", "dflt"), d)
print(list(d.items()), list(d.keys()), list(d.values()))
for k, v in d.items():
    print(k, "->", v)
d.update({"a": 10, "e": 5})
d.update([("f", 6)])
d.update(g=7)
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
print(c.popitem(), c)
c.clear()
print(c, len(c))
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
dl = {"evens": [], "odds": []}
for n in range(7):
    dl["evens" if n % 2 == 0 else "odds"].append(n)
print(dl, len(dl["odds"]))
print(sorted(d), sum(d.values()), max(d, key=lambda k: d[k]))
