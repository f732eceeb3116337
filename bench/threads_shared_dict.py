# threads_shared_dict.py N — N threads (default 1) split a fixed number of passes over ONE shared dict
# of floats keyed by strs, looking every key up (`d[k]`) and testing membership (`k in d`). The keys,
# the values and the dict all belong to the main thread, so every lookup counts references on objects
# another thread owns (threads_shared.py does the same with a list). Prints the thread count, the sum
# and the wall time.
from threadbench import time_threads, worker_count

PASSES = 3200
KEYS = ["key%d" % i for i in range(1000)]
TABLE = {k: i * 0.5 for i, k in enumerate(KEYS)}


def work(passes, out, k):
    table = TABLE
    total = 0.0
    found = 0
    for _ in range(passes):
        for key in KEYS:
            total += table[key]
            if key in table:
                found += 1
    out[k] = (total, found)


n = worker_count()
share = PASSES // n
out = [None] * n
elapsed = time_threads(work, lambda k: (share, out, k), n)
print(f"threads={n} sum={sum(t for t, _ in out)} found={sum(f for _, f in out)} time={elapsed:.3f}s")
