# Instance __dict__s start as large as the class's largest freed one, and a dict remembers which
# hashes its keys had (a probe for an absent key can stop early): attributes added, deleted and
# re-added in varying numbers, methods shadowed and unshadowed, must read back as in CPython.


class Bag:
    def get(self):
        return "method"


def make(n):
    b = Bag()
    for i in range(n):
        setattr(b, "a%d" % i, i)
    return b


for n in [0, 3, 20, 1, 40, 2]:
    b = make(n)
    print(n, len(vars(b)), list(vars(b))[:4], getattr(b, "a%d" % (n - 1), None) if n else None)
    del b

b = make(5)
for i in range(0, 5, 2):
    delattr(b, "a%d" % i)
print(sorted(vars(b)), hasattr(b, "a0"), b.a1)
b.get = lambda: "shadow"
print(b.get())
del b.get
print(b.get())
for i in range(100):  # many keys, then all but one deleted: lookups of absent names stay right
    setattr(b, "k%d" % i, i)
for i in range(99):
    delattr(b, "k%d" % i)
print(len(vars(b)), b.k99, hasattr(b, "k5"), b.get())
d = {}
for i in range(64):
    d["s%d" % i] = i
    if i % 3:
        del d["s%d" % i]
print(len(d), [k for k in d][:5], "s3" in d, "s4" in d, d.get("s63"))
d.clear()
print("s0" in d, d)
