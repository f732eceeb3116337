# Producer/consumer with queue.Queue: two producers put work items on a bounded queue, three
# consumers take them off. put() waits while the queue is full and get() while it is empty, and
# neither holds the GIL while waiting. A None per consumer tells it to stop.
# What to look for: every item is processed exactly once (the sum matches) in both flavors.
import queue
import threading

ITEMS_PER_PRODUCER = 1000
work = queue.Queue(maxsize=10)
results = queue.Queue()


def producer(base):
    for i in range(ITEMS_PER_PRODUCER):
        work.put(base + i)


def consumer():
    done = 0
    while True:
        item = work.get()
        if item is None:
            break
        results.put(item * 2)
        done += 1
    results.put(("done", threading.current_thread().name, done))


producers = [threading.Thread(target=producer, args=(k * ITEMS_PER_PRODUCER,)) for k in range(2)]
consumers = [threading.Thread(target=consumer, name=f"consumer-{k}") for k in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    work.put(None)
for t in consumers:
    t.join()

total = 0
handled = 0
while not results.empty():
    r = results.get()
    if isinstance(r, tuple):
        handled += r[2]
    else:
        total += r
n = 2 * ITEMS_PER_PRODUCER
print("items handled:", handled, "of", n)
print("sum of results:", total, "expected:", 2 * (n * (n - 1) // 2))
