# Threads sharing one heap and one array: each heappush/heappop and each array operation is atomic
# (in minipy-ft under the object's lock), so no item is lost or duplicated, the heap keeps its
# invariant and each thread pops in increasing order. Asserts invariants only, never timings.
import heapq
import threading
from array import array

THREADS, PER_THREAD = 4, 3000
heap = []
numbers = array("q")
start = threading.Barrier(THREADS)


def push(seed):
    start.wait()
    for i in range(PER_THREAD):
        value = (i * 7919 + seed * 104729) % 100003
        heapq.heappush(heap, (value, seed))
        numbers.append(value)
        if i % 100 == 0:
            # (extend then pop() would be racy: another thread may append in between.)
            numbers.extend(array("q", [value]))


threads = [threading.Thread(target=push, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(heap), all(heap[k] <= heap[c] for k in range(len(heap)) for c in (2 * k + 1, 2 * k + 2) if c < len(heap)))
print(len(numbers))

popped = [[] for _ in range(THREADS)]


def pop(index):
    start.wait()
    for _ in range(PER_THREAD):
        popped[index].append(heapq.heappop(heap))


threads = [threading.Thread(target=pop, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(heap), all(p == sorted(p) for p in popped), sorted(sum(popped, [])) == sorted(
    ((i * 7919 + s * 104729) % 100003, s) for s in range(THREADS) for i in range(PER_THREAD)))
expected = sorted([(i * 7919 + s * 104729) % 100003 for s in range(THREADS) for i in range(PER_THREAD)] +
                  [(i * 7919 + s * 104729) % 100003 for s in range(THREADS) for i in range(0, PER_THREAD, 100)])
print(sorted(numbers) == expected)
