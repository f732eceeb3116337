# Sets and dicts under insert/delete churn: deleted slots must count toward the load, or a probe for
# an absent key can loop forever (this N-queens generator used to hang).
def place(row, n, cols, d2):
    if row == n:
        yield ()
        return
    for c in range(n):
        if c in cols or (row - c) in d2:
            continue
        cols.add(c); d2.add(row - c)
        for rest in place(row + 1, n, cols, d2):
            yield (c,) + rest
        cols.remove(c); d2.remove(row - c)

print(len(list(place(0, 5, set(), set()))))
print(len(list(place(0, 7, set(), set()))))

# Churn over key patterns: equal hashes (-1 and -2 hash alike), strs, tuples, negative ints.
import random
rng = random.Random(7)
for pattern in ("ints", "neg", "strs", "tuples"):
    d = {}
    model = []
    for step in range(20000):
        k = rng.randrange(40)
        key = {"ints": k * 8, "neg": -1 - (k % 2) - 16 * k, "strs": "k%d" % k, "tuples": (k, -k)}[pattern]
        if rng.random() < 0.5:
            d[key] = step
            if key not in model:
                model.append(key)
        elif key in d:
            del d[key]
            model.remove(key)
        assert (key in d) == (key in model)
    print(pattern, len(d), sorted(d) == sorted(model), all(k in d for k in model), (-3 in d))
