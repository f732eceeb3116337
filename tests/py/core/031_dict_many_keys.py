# A dict grows to 10,000 int keys and shrinks again; order and lookups stay right through resizes.
d = {}
for i in range(10000):
    d[i * 7] = i
print(len(d), d[0], d[7 * 9999], 7 * 5000 in d, 7 * 5000 + 1 in d)
for i in range(0, 10000, 2):
    del d[i * 7]
print(len(d), list(d)[:5], list(d)[-3:])
total = 0
for k in d:
    total += d[k]
print(total)
for i in range(10000):
    if i % 2 == 1:
        del d[i * 7]
print(len(d), d)
for i in range(100):
    d[-i] = i
print(len(d), sum(d.values()), list(d)[:3])
neg = {}
for i in range(2000):
    neg[-(2 ** 40) - i] = i
print(len(neg), neg[-(2 ** 40) - 1999])
