# Threads that make cycles while another thread keeps collecting: the collector stops the world in
# minipy-ft (and runs under the GIL in minipy); every cycle is freed and every thread finishes.
import gc
import threading
import weakref


class Node:
    pass


refs = []
refs_lock = threading.Lock()
done = threading.Event()


def maker(tid):
    mine = []
    for i in range(3000):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        a.data = {"i": i, "l": [b]}
        if i % 100 == 0:
            mine.append(weakref.ref(a))
    with refs_lock:
        refs.extend(mine)


def collector():
    runs = 0
    while not done.is_set():
        gc.collect(runs % 3)
        runs += 1
    gc.collect()


c = threading.Thread(target=collector)
c.start()
workers = [threading.Thread(target=maker, args=(t,)) for t in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
done.set()
c.join()
gc.collect()
print(len(refs), sum(1 for r in refs if r() is not None))
