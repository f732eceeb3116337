# Objects made in one thread and dropped in another still run their __del__ exactly once. With the
# GIL it runs in the thread that drops the last reference. In minipy-ft (as in CPython 3.13t) a
# thread that does not own an object's count only hands the release to the owner, which frees the
# object (and runs __del__) at its next eval-breaker check: here, the loop after the join.
import queue
import threading

N = 2000
finalized = []


class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        finalized.append(self.n)  # no lock: __del__ may run inside other code holding one


q = queue.Queue()


def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        item = None  # the last reference goes here, in this thread


t = threading.Thread(target=consumer, name="consumer")
t.start()
for i in range(N):
    q.put(Item(i))
q.put(None)
t.join()
for _ in range(3):
    pass
print(len(finalized), len(set(finalized)), sorted(finalized) == list(range(N)))
