# An OrderedDict shared by threads (minipy-ft runs them in parallel): inserts, move_to_end, pops
# and popitem from both ends never lose or duplicate a key, and the order stays a permutation.
# Movers of the same keys (to either end) and readers of every key at once: a key being moved is
# never missing to another thread (the dict moves the entry in one step).
import threading
from collections import OrderedDict

od = OrderedDict((i, i) for i in range(400))
errors = []


def mover(seed):
    try:
        for i in range(3000):
            key = (i * 3 + seed) % 399
            od.move_to_end(key)
    except Exception as e:  # noqa: BLE001 - the test reports any error
        errors.append(e)


def adder(base):
    for i in range(500):
        od[base + i] = i
    for i in range(0, 500, 2):
        del od[base + i]


def shared_mover(last):
    try:
        for i in range(600):
            od.move_to_end(i % 7, last=last and i % 3 != 0)
    except Exception as e:  # noqa: BLE001 - the test reports any error
        errors.append(e)


def reader():
    try:
        for _ in range(40):
            for k in range(400):
                if od[k] != k:
                    errors.append(("value", k))
    except Exception as e:  # noqa: BLE001 - the test reports any error
        errors.append(e)


threads = [threading.Thread(target=mover, args=(s,)) for s in range(3)]
threads += [threading.Thread(target=shared_mover, args=(last,)) for last in (True, False)]
threads += [threading.Thread(target=reader) for _ in range(2)]
threads += [threading.Thread(target=adder, args=(b,)) for b in (1000, 2000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(errors)
keys = list(od)
print(len(keys), len(set(keys)), len(od))
print(sorted(k for k in keys if k < 400) == list(range(400)))
print(sorted(k for k in keys if k >= 1000) == [b + i for b in (1000, 2000) for i in range(1, 500, 2)])

popped = []
lock = threading.Lock()


def popper(last):
    mine = []
    while True:
        try:
            mine.append(od.popitem(last=last)[0])
        except KeyError:
            break
    with lock:
        popped.extend(mine)


threads = [threading.Thread(target=popper, args=(i % 2 == 0,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(popped), sorted(popped) == sorted(keys), len(od))
