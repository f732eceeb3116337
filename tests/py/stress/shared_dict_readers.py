# Threads read one shared dict (`d[k]`, `k in d`, `d.get`, copies of its items) while a writer inserts
# and deletes keys, so it resizes under them. Keys the writer never touches must always be found with
# their values; everything read must be live; values that leave the dict die exactly once.
import threading

STABLE = 200
ROUNDS = 60
deaths = []


class Value:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        deaths.append(self.n)


table = {"s%d" % i: Value(i) for i in range(STABLE)}
stable_keys = list(table)
made = STABLE
stop = False
bad = []


def reader(k):
    while not stop:
        for key in stable_keys:
            v = table[key]
            if "s%d" % v.n != key:
                bad.append((k, key, v.n))
            if key not in table:
                bad.append((k, key, "missing"))
        for key, v in table.copy().items():  # one step under the lock, as list(d.items()) under a GIL
            if type(v) is not Value:
                bad.append((k, key))
        table.get("t-1")


def writer():
    global made
    for r in range(ROUNDS):
        new = ["t%d" % (made + i) for i in range(300)]
        for i, key in enumerate(new):
            table[key] = Value(made + i)
        made += len(new)
        for key in new:
            del table[key]


readers = [threading.Thread(target=reader, args=(k,)) for k in range(2)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", bad)
print("size", len(table))
table.clear()
print("each died once:", sorted(deaths) == list(range(made)))
