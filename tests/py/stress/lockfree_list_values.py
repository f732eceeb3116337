# Threads read one shared list of floats, strs and big ints (`lst[i]`, `for x in lst`) while a
# writer replaces its items, appends and pops, grows it past its capacity and clears it, so items
# die and item arrays are replaced under the readers. In minipy-ft the readers take no lock: they
# read the array and the slot optimistically and count the item only if it is still alive and the
# list unchanged (objects/list.cpp), and dropped items and arrays are freed only after every thread
# passed a quiescent state (QSBR, runtime/flavor.h). Every value read must be one the writer
# stored: a float, str or int that encodes a slot number and a generation consistently.
import threading

SLOTS = 200
ROUNDS = 60
BIG = 1 << 80

shared = [float(i) for i in range(SLOTS)]
stop = False
bad = []


def value_for(i, gen):
    kind = (i + gen) % 3
    if kind == 0:
        return float(i + gen * 1000) + 0.5  # a new float object
    if kind == 1:
        return "slot%d/gen%d" % (i, gen)  # a new str object
    return BIG + i + gen * 1000  # a new big int object


def check(x):
    if type(x) is float:
        return x == int(x) or x - int(x) == 0.5
    if type(x) is str:
        a, b = x.split("/")
        return a.startswith("slot") and b.startswith("gen")
    if type(x) is int:
        return x >= BIG
    return False


def reader(k, counts):
    reads = 0
    while not stop:
        for x in shared:
            if not check(x):
                bad.append(("iter", k, repr(x)))
            reads += 1
        for i in range(0, SLOTS, 3):
            try:
                x = shared[i]
            except IndexError:
                continue  # the writer shortened the list meanwhile
            if not check(x):
                bad.append(("index", k, repr(x)))
            reads += 1
    counts[k] = reads


def writer():
    for gen in range(1, ROUNDS + 1):
        n = len(shared)
        for i in range(n):
            shared[i] = value_for(i, gen)  # the old item dies here
        for i in range(300):  # grow well past the capacity: the array moves
            shared.append(value_for(i, gen))
        for _ in range(300):
            shared.pop()
        if gen % 10 == 0:
            shared.clear()  # the whole array goes at once
            shared.extend(value_for(i, gen) for i in range(SLOTS))
        del shared[SLOTS // 2:]
        shared.extend(value_for(i, gen) for i in range(SLOTS // 2, SLOTS))


counts = [0, 0, 0]
readers = [threading.Thread(target=reader, args=(k, counts)) for k in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", bad)
print("readers read:", all(c > 0 for c in counts))
print("final length:", len(shared))
print("final values:", all(check(x) for x in shared), shared[0], shared[SLOTS - 1])
