# CPython's heapq.py, unchanged (its pure-Python fallbacks): heappush/pop, heapify, merge, nlargest.
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge(["a", "cc"], ["bbb"], key=len)), list(heapq.merge([3, 1], [2, 0], reverse=True)))
words = "the quick brown fox jumps over the lazy dog".split()
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(2, [5, 3, 8, 1]))
tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "test")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError:
    print("IndexError")  # the text comes from list.pop here, from C's _heapq in CPython
