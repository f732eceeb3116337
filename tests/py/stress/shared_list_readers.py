# Threads read one shared list (indexing, iteration, `in`, len) while a writer appends, pops, inserts,
# deletes slices and clears it, so its storage grows, shrinks and moves under the readers. In
# minipy-ft the readers count their references to the main thread's items in a per-thread ledger
# (flavor.h): whatever they read must be a live item, each item that leaves the list must die
# exactly once (its __del__ runs), and nothing may crash. The checks hold in every interpreter.
import threading

N_ITEMS = 400
ROUNDS = 100
deaths = []


class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        deaths.append(self.n)


shared = [Item(i) for i in range(N_ITEMS)]
made = N_ITEMS
stop = False
bad = []


def reader(k):
    seen = 0
    while not stop:
        for x in shared:  # the list may change while it is walked: items stay live
            if type(x) is not Item:
                bad.append(("iter", k, x))
            seen += 1
        n = len(shared)
        for i in range(0, n, 7):
            try:
                x = shared[i]
            except IndexError:
                continue  # the writer shortened the list meanwhile
            if x.n < 0:
                bad.append(("index", k, x.n))
        probe = Item(-1)
        if probe in shared:
            bad.append(("in", k))
        del probe
    return seen


results = [0, 0, 0]


def run_reader(k):
    results[k] = reader(k)


def writer():
    global made
    for r in range(ROUNDS):
        for _ in range(50):
            shared.append(Item(made))
            made += 1
        for _ in range(30):
            shared.pop()
        shared.insert(0, Item(made))
        made += 1
        del shared[10:40]
        if r % 25 == 24:
            shared.clear()
            shared.extend(Item(made + i) for i in range(N_ITEMS))
            made += N_ITEMS


readers = [threading.Thread(target=run_reader, args=(k,)) for k in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
probes = deaths.count(-1)
print("bad reads:", bad)
print("readers saw items:", all(r > 0 for r in results))
left = len(shared)
shared.clear()
print("made", made, "died", len(deaths) - probes, "left before clear", left)
print("each died once:", sorted(n for n in deaths if n >= 0) == list(range(made)))
