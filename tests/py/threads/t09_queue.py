# queue: FIFO/LIFO/priority order, bounded puts, nowait errors, timeouts, task_done/join.
import queue
import threading

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(5)])
print(q.empty())

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (1, "b"), (5, "e"), (2, "z")]:
    pq.put(item)
print([pq.get() for _ in range(6)])

bq = queue.Queue(maxsize=2)
bq.put(1)
bq.put_nowait(2)
print(bq.full(), bq.qsize())
try:
    bq.put_nowait(3)
except queue.Full:
    print("Full")
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(bq.get_nowait(), bq.get(block=False))
try:
    bq.get_nowait()
except queue.Empty:
    print("Empty")
try:
    bq.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    bq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# A bounded queue between a producer and two consumers; join() waits for task_done().
work = queue.Queue(maxsize=3)
done = []
lock = threading.Lock()

def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            done.append(item * item)
        work.task_done()

cs = [threading.Thread(target=consumer) for _ in range(2)]
for c in cs:
    c.start()
for i in range(20):
    work.put(i)
work.join()
print(sorted(done))
work.put(None)
work.put(None)
for c in cs:
    c.join()
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)

sq = queue.SimpleQueue()
sq.put("x")
sq.put_nowait("y")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("Empty")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
