# Threads look keys up in one shared dict (`d[k]`, `k in d`, `d.get(k)`) while a writer replaces
# values, inserts and deletes keys and makes the dict resize and clear, so values die and the index
# and entry tables are replaced under the readers. In minipy-ft the lookups by an identical key take
# no lock (objects/dict.cpp's optimistic lookup, checked by the dict's sequence lock; tables and
# values freed through QSBR). Every value read must belong to its key, whatever the timing.
import threading

KEYS = ["k%d" % i for i in range(300)]
EXTRA = ["x%d" % i for i in range(2000)]
ROUNDS = 40

table = {k: (k, 0) for k in KEYS}
stop = False
bad = []


def reader(n):
    reads = 0
    while not stop:
        for k in KEYS:
            try:
                v = table[k]
            except KeyError:
                v = (k, -1)  # deleted meanwhile
            if v[0] is not k and v[0] != k:
                bad.append(("getitem", n, k, v[0]))
            w = table.get(k)
            if w is not None and w[0] != k:
                bad.append(("get", n, k, w[0]))
            if k in table:
                reads += 1
        # An equal but not identical key takes the locked path.
        probe = "k" + str(reads % 300)
        w = table.get(probe)
        if w is not None and w[0] != probe:
            bad.append(("equal", n, probe, w[0]))
    return reads


counts = {}


def run_reader(n):
    counts[n] = reader(n)


def writer():
    for gen in range(1, ROUNDS + 1):
        for k in KEYS:
            table[k] = (k, gen)  # the old tuple dies
        for x in EXTRA:  # grows the index several times
            table[x] = (x, gen)
        for x in EXTRA:
            del table[x]
        for k in KEYS[::7]:
            del table[k]
        for k in KEYS[::7]:
            table[k] = ("k" + k[1:], gen)  # an equal key, a new object
        if gen % 10 == 0:
            table.clear()
            table.update((k, (k, gen)) for k in KEYS)


readers = [threading.Thread(target=run_reader, args=(n,)) for n in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", bad)
print("all read:", sorted(counts) == [0, 1, 2])
print("final:", len(table), table["k0"], table["k299"], all(table[k][0] == k for k in KEYS))
