# Iterating one dict while building another; removing keys by iterating over a copy of the keys.
prices = {"apple": 3, "pear": 5, "fig": 2, "kiwi": 4}
doubled = {}
for name in prices:
    doubled[name] = prices[name] * 2
print(doubled)
inverted = {}
for k, v in prices.items():
    inverted[v] = k
print(inverted)
cheap = {}
for k, v in prices.items():
    if v < 4:
        cheap[k] = v
print(cheap)
for k in list(prices):
    if k.startswith("p") or k.startswith("k"):
        del prices[k]
print(prices)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(by_count)
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
del d["a"]
d["a"] = 4
print(list(d.keys()))
