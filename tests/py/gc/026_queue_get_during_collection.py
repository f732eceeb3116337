# A blocked SimpleQueue.get() that wakes while another thread collects cycles takes its item only
# once it holds the GIL again (minipy-ft: once attached). It used to take it at once: the collector
# had counted the item as the queue's, then no longer found it there, called a live object garbage
# and cleared its attributes (concurrent.futures' `'_WorkItem' object has no attribute 'future'`).
# In minipy-ft the collecting thread stops the world in a loop: the other threads must still run.
import gc
import threading
import _queue

ITEMS = 4000
CONSUMERS = 4

q = _queue.SimpleQueue()
stop = False
cleared = []
got = [0] * CONSUMERS


class Item:
    def __init__(self, n):
        self.n = n


def consume(k):
    while True:
        item = q.get()
        if item is None:
            return
        try:
            item.n
        except AttributeError:
            cleared.append(item)
        got[k] += 1


def collect():
    while not stop:
        gc.collect()


consumers = [threading.Thread(target=consume, args=(k,)) for k in range(CONSUMERS)]
collector = threading.Thread(target=collect)
for t in consumers:
    t.start()
collector.start()
lists = [[i] for i in range(20000)]  # something for each collection to walk
for i in range(ITEMS):
    q.put(Item(i))
    if i % 8 == 0:
        threading.Event().wait(0.0005)  # the consumers go back to waiting
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
stop = True
collector.join()
print("items taken:", sum(got), "cleared by the collector:", len(cleared))
