# Threads make cycles through instances and through __dict__s they take out of their instances
# (an instance's __dict__ is untracked until something else holds it: the collector must track it
# before it counts, and the instance's dealloc when it outlives it), and make classes, while another
# thread keeps collecting. Every cycle is freed and every thread finishes.
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
    keep = []
    for i in range(2000):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        kind = i % 4
        if kind == 1:
            d = a.__dict__  # escapes while the cycle lives
            d["d"] = d
            keep.append(d)
        elif kind == 2:
            d = b.__dict__  # outlives its instance, in a cycle of its own
            d["d"] = d
            d["probe"] = Node()
            mine.append(weakref.ref(d["probe"]))
            del d
        elif kind == 3:
            cls = type("Made%d" % tid, (Node,), {"n": i})
            c = cls()
            c.me = c
            c.a = a
        if len(keep) > 20:
            keep.clear()
        if i % 50 == 0:
            mine.append(weakref.ref(a))
            mine.append(weakref.ref(b))
    keep.clear()
    with refs_lock:
        refs.extend(mine)


def collector():
    runs = 0
    while not done.is_set():
        gc.collect(runs % 3)
        runs += 1


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
gc.collect()
print(len(refs), sum(1 for r in refs if r() is not None))
