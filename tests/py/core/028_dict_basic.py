# Dicts: literals, lookup, assignment, insertion order, membership, del, len and equality.
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"])
d["one"] = 100
print(d)
print("two" in d, "four" in d, 1 in d, "four" not in d)
del d["two"]
print(d, list(d))
d["two"] = 2
print(d)
e = {}
for word in ["b", "a", "c", "a", "b", "a"]:
    if word in e:
        e[word] += 1
    else:
        e[word] = 1
print(e)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == {}, {1: 1} != {1: 2})
mixed = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool"}
print(mixed)
print(mixed[(1, 2)], mixed[1.0], mixed[None])
nested = {"a": {"b": {"c": 42}}}
print(nested["a"]["b"]["c"])
print(dict(), dict([("x", 1), ("y", 2)]), dict(a=1, b=2))
