# Threads appending to and popping from one shared deque at both ends: every deque operation is
# atomic (in minipy-ft under the deque's lock), so no item is lost or duplicated. Asserts
# invariants only, never timings.
import threading
from collections import deque

THREADS, PER_THREAD = 4, 5000
shared = deque()
popped = [[] for _ in range(THREADS)]
start = threading.Barrier(THREADS)


def work(seed):
    start.wait()
    mine = popped[seed]
    for i in range(PER_THREAD):
        value = seed * PER_THREAD + i
        if i % 2:
            shared.append(value)
        else:
            shared.appendleft(value)
        if i % 3 == 0:
            try:
                mine.append(shared.pop() if i % 2 else shared.popleft())
            except IndexError:
                pass


threads = [threading.Thread(target=work, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
everything = list(shared) + [v for part in popped for v in part]
print(len(everything), sorted(everything) == list(range(THREADS * PER_THREAD)))

# A bounded deque shared the same way keeps exactly maxlen items.
bounded = deque(maxlen=100)


def fill(seed):
    for i in range(3000):
        bounded.append((seed, i))


threads = [threading.Thread(target=fill, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(bounded), len(set(bounded)))
