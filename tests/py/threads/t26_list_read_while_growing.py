# One thread appends to a list, moving its item array each time it outgrows it, while two others
# read it by index and by iteration. Every item a reader sees must be the one appended at that
# position (items never move between slots), and the readers' totals over the finished list are
# exact. In minipy-ft the reads take no lock (objects/list.cpp's optimistic read; replaced arrays
# are freed only once every thread passed a quiescent state).
import threading

N = 20000
data = []
done = threading.Event()
errors = []


def grower():
    for i in range(N):
        data.append(i * 2)
    done.set()


def index_reader():
    while not done.is_set():
        n = len(data)
        if n and data[n - 1] != (n - 1) * 2:
            errors.append(("index", n))
    total = 0
    for i in range(N):
        total += data[i]
    return total


def iter_reader():
    while not done.is_set():
        for pos, x in enumerate(data):
            if x != pos * 2:
                errors.append(("iter", pos, x))
                break
    return sum(x for x in data)


totals = {}
threads = [
    threading.Thread(target=lambda: totals.__setitem__("index", index_reader())),
    threading.Thread(target=lambda: totals.__setitem__("iter", iter_reader())),
    threading.Thread(target=grower),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("totals:", totals["index"], totals["iter"], N * (N - 1))
