# Generator expressions passed to sum, any, all, min, max, sorted, list and str.join.
print(sum(x * x for x in range(10)))
print(sum((x for x in range(5)), 100))
print(any(x > 8 for x in range(10)), any(x > 9 for x in range(10)), any(x for x in []))
print(all(x < 10 for x in range(10)), all(x % 2 for x in [1, 3, 4]), all(x for x in []))
print(max(len(w) for w in ["a", "abc", "ab"]), min(x % 7 for x in range(10, 20)))
print(sorted((c for c in "genexp"), reverse=True))
print("-".join(str(i) for i in range(5)))
g = (i * 2 for i in range(3))
print(list(g), list(g))
def checked(v):
    print("check", v)
    return v > 1
print(any(checked(v) for v in [0, 1, 2, 3]))
print(all(checked(v) for v in [5, 0, 9]))
print(sum(1 for ch in "mississippi" if ch == "s"))
data = {"a": 3, "b": 5}
print(sum(v for k, v in data.items() if k != "a"))
