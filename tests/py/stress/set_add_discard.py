# Threads add, discard and pop members of shared sets while others iterate, copy, merge and probe
# with a key whose __eq__ runs Python code; each writer owns its keys, so the final contents are known.
import threading

shared = set()
popped = set()
N = 20000

def writer(k):
    for i in range(N):
        shared.add((k, i))
        if i % 2 == 0:
            shared.discard((k, i))

def popper():
    mine = set()
    for i in range(N):
        shared.add(("p", i))
        if i % 5 == 0:
            mine.add(shared.pop())
    popped.update(mine)

def reader(results):
    seen = 0
    for _ in range(30):
        snapshot = set(shared)
        seen += len(snapshot | {("x", 1)}) + len(snapshot & shared)
        try:
            for _ in shared:
                seen += 1
        except RuntimeError:
            seen += 1
    results.append(seen > 0)

class Slow:
    def __hash__(self):
        return hash((0, 0))
    def __eq__(self, other):
        return False

def prober(results):
    found = 0
    for _ in range(2000):
        found += Slow() in shared
    results.append(found)

results = []
ts = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
ts.append(threading.Thread(target=popper))
ts.append(threading.Thread(target=reader, args=(results,)))
ts.append(threading.Thread(target=prober, args=(results,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
everything = shared | popped
expected = {(k, i) for k in range(3) for i in range(1, N, 2)} | {("p", i) for i in range(N)}
# pop() may take a writer's even key between its add and its discard.
extra = everything - expected
print(expected <= everything, all(k in range(3) and i % 2 == 0 for k, i in extra), len(popped) == N // 5)
print(sorted(results, key=repr))
