# Threads making self-referring closures, dicts that become tracked as containers are stored in them,
# iterators and properties in cycles, and a few classes, while another thread keeps collecting
# (the collector stops the world in minipy-ft). Every thread finishes and every cycle is freed.
import gc
import threading
import weakref

refs = []
refs_lock = threading.Lock()
done = threading.Event()


def make_closure(i):
    def f():
        return f, i

    return f


class Node:
    pass


def worker(tid):
    mine = []
    for i in range(2000):
        f = make_closure(i)
        d = {"i": i, "s": "x"}
        n = Node()
        d["node"] = n  # the dict becomes tracked here, maybe during a collection
        n.d = d
        n.it = iter([n, f])
        n.p = property(lambda self, n=n: n)
        if i % 200 == 0:
            mine.append(weakref.ref(f))
            mine.append(weakref.ref(n))
        if i % 500 == 0:

            class Local:
                value = i

                def get(self):
                    return self.value

            assert Local().get() == i
    with refs_lock:
        refs.extend(mine)


def collector():
    runs = 0
    while not done.is_set():
        gc.collect(runs % 3)
        runs += 1


c = threading.Thread(target=collector)
c.start()
workers = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
done.set()
c.join()
gc.collect()
print(len(refs), sum(1 for r in refs if r() is not None))
