# The native _heapq behind heapq.py: its functions are built-ins, order items by `<` alone, sift in
# CPython's order (seen through a __lt__ that records its calls), and raise CPython's errors for a
# non-list heap, an empty heap, a raising __lt__ and a __lt__ that changes the list's size.
import heapq

print(type(heapq.heappush).__name__, heapq.heappush.__module__)

data = [(i * 7919) % 1009 for i in range(200)]
heap = []
for x in data:
    heapq.heappush(heap, x)
print(heap[:12])
print([heapq.heappop(heap) for _ in range(len(data))] == sorted(data), heap)

heap = data[:]
heapq.heapify(heap)
print(heap[:12])
print(heapq.heapreplace(heap, 500), heap[:5])
print(heapq.heappushpop(heap, -1), heapq.heappushpop(heap, 1000), heap[:5])
print(heapq.heappushpop([], 3))

big = [(i * 7919) % 10007 for i in range(5000)]
heapq.heapify(big)
print(all(big[k] <= big[c] for k in range(len(big)) for c in (2 * k + 1, 2 * k + 2) if c < len(big)))
print(big[:8])

# The max-heap variants, and the heapq functions built on them.
heap = data[:30]
heapq._heapify_max(heap)
print(heap[:10])
print(heapq._heappop_max(heap), heapq._heapreplace_max(heap, 5), heap[:6])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 11])))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], reverse=True, key=lambda v: -v)))

# Tuples and ties, as asyncio's timer heap uses them.
heap = []
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (0.5, "half")]:
    heapq.heappush(heap, item)
print([heapq.heappop(heap) for _ in range(5)])


class Logged:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Logged.log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"L{self.v}"


heap = [Logged(v) for v in [5, 3, 8, 1, 9, 2, 7]]
heapq.heapify(heap)
print(heap, Logged.log)
Logged.log.clear()
heapq.heappush(heap, Logged(0))
print(heapq.heappop(heap), heapq.heappop(heap), Logged.log)

# A heap past 2,500 items is built in CPython's cache-friendly order: the comparisons' order shows it.
Logged.log.clear()
heap = [Logged((i * 31) % 3001) for i in range(3001)]
heapq.heapify(heap)
print(len(Logged.log), sum(i * a * b for i, (a, b) in enumerate(Logged.log)) % 1000003)

Logged.log.clear()
heap = [Logged((i * 31) % 3001) for i in range(3001)]
heapq._heapify_max(heap)
print(len(Logged.log), sum(i * a * b for i, (a, b) in enumerate(Logged.log)) % 1000003, heap[0])


class Subclass(list):
    pass


heap = Subclass([4, 1, 3])
heapq.heapify(heap)
print(type(heap).__name__, heap)


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, fn(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("push tuple", heapq.heappush, (1,), 2)
attempt("pop int", heapq.heappop, 1)
attempt("heapify str", heapq.heapify, "abc")
attempt("replace dict", heapq.heapreplace, {}, 1)
attempt("pushpop None", heapq.heappushpop, None, 1)
attempt("max heapify", heapq._heapify_max, ())
attempt("max pop", heapq._heappop_max, 3.0)
attempt("max replace", heapq._heapreplace_max, 3, 1)
attempt("push 1 arg", heapq.heappush, [])
attempt("push 3 args", heapq.heappush, [], 1, 2)
attempt("pop 0 args", heapq.heappop)
attempt("heapify 2 args", heapq.heapify, [], [])
attempt("push keyword", heapq.heappush, heap=[], item=1)
attempt("pop empty", heapq.heappop, [])
attempt("replace empty", heapq.heapreplace, [], 1)
attempt("max pop empty", heapq._heappop_max, [])
attempt("max replace empty", heapq._heapreplace_max, [], 1)
attempt("mixed types", heapq.heappush, [1, 2, 3], "x")
attempt("heapify mixed", heapq.heapify, [3, "a", 1.5, None])


class NoOrder:
    pass


attempt("unorderable", heapq.heappush, [NoOrder()], NoOrder())


class Raises:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise ValueError("unlucky")
        return self.v < other.v

    def __repr__(self):
        return f"R{self.v}"


heap = [Raises(v) for v in [1, 4, 6, 8, 10, 12]]
attempt("raising push", heapq.heappush, heap, Raises(13))
print(heap)
heap = [Raises(v) for v in [1, 13, 6, 8]]
attempt("raising pop", heapq.heappop, heap)
print(heap)


# A comparison that changes the list's size stops the sift with RuntimeError.
class Grows:
    def __init__(self, v, heap):
        self.v = v
        self.heap = heap

    def __lt__(self, other):
        self.heap.append(Grows(99, self.heap))
        return self.v < other.v

    def __repr__(self):
        return f"G{self.v}"


heap = []
heap.extend([Grows(v, heap) for v in [1, 5, 3]])
attempt("growing push", heapq.heappush, heap, Grows(0, heap))
print(heap)
heap = []
heap.extend([Grows(v, heap) for v in [1, 5, 3, 7, 9]])
attempt("growing pop", heapq.heappop, heap)
attempt("growing heapify", heapq.heapify, heap)
print(len(heap))


class Clears:
    def __init__(self, v, heap):
        self.v = v
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True


heap = []
heap.append(Clears(1, heap))
attempt("clearing pushpop", heapq.heappushpop, heap, Clears(2, heap))


# A comparison that replaces items without changing the size goes on with what is there.
class Swaps:
    def __init__(self, v, heap):
        self.v = v
        self.heap = heap

    def __lt__(self, other):
        if self.v == 0:
            self.heap[-1] = Swaps(-5, self.heap)
        return self.v < other.v

    def __repr__(self):
        return f"S{self.v}"


heap = []
heap.extend([Swaps(v, heap) for v in [1, 2, 3, 4]])
heapq.heappush(heap, Swaps(0, heap))
print(heap)
