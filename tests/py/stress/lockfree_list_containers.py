# Threads read one shared list whose items are containers (lists, tuples, instances) while a writer
# replaces them, so the items die while readers may be reaching for them. In minipy-ft a reader
# takes no lock on the shared list: it counts the item only if it is still alive, and a container
# freed meanwhile keeps its memory until every thread has passed a quiescent state (objects/gc.h's
# gc_free, runtime/flavor.h's QSBR). Each item read must be whole: its parts agree with each other.
import threading

SLOTS = 64
ROUNDS = 400


class Pair:
    def __init__(self, a):
        self.a = a
        self.b = -a


def make(i, gen):
    kind = (i + gen) % 3
    tag = i * 100000 + gen
    if kind == 0:
        return [tag, -tag]
    if kind == 1:
        return (tag, -tag)
    return Pair(tag)


def whole(x):
    if type(x) is Pair:
        return x.a == -x.b
    return x[0] == -x[1]


shared = [make(i, 0) for i in range(SLOTS)]
stop = False
bad = []


def reader(k):
    reads = 0
    while not stop:
        for x in shared:
            if not whole(x):
                bad.append(k)
            reads += 1
        for i in range(SLOTS):
            if not whole(shared[i]):
                bad.append(k)
    return reads


counts = {}


def run_reader(k):
    counts[k] = reader(k)


def writer():
    for gen in range(1, ROUNDS + 1):
        for i in range(SLOTS):
            shared[i] = make(i, gen)


readers = [threading.Thread(target=run_reader, args=(k,)) for k in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", len(bad))
print("all read:", sorted(counts) == [0, 1, 2] and all(c > 0 for c in counts.values()))
print("final:", shared[0], type(shared[1]).__name__, shared[2])
