# itertools.count: repr, steps, the type check, and one counter shared by threads (asyncio names
# its tasks from one count's __next__): every value is handed out exactly once.
import itertools
import threading

c = itertools.count()
print(next(c), next(c), c)
print(list(zip(itertools.count(5, 2), "abc")), itertools.count(1.5, 0.5), itertools.count(3, 1.0))
try:
    itertools.count("a")
except TypeError as e:
    print(e)

shared = itertools.count()
taken = [[] for _ in range(4)]


def take(mine):
    step = shared.__next__
    for _ in range(3000):
        mine.append(step())


threads = [threading.Thread(target=take, args=(mine,)) for mine in taken]
for t in threads:
    t.start()
for t in threads:
    t.join()
values = sorted(v for mine in taken for v in mine)
print(values == list(range(12000)), next(shared))
