# threads_alloc.py N — a fixed amount of allocation-heavy work (floats, small lists, dicts, strs) split
# evenly over N threads (default 1). Each thread makes and frees its own objects, so in minipy-ft their
# reference counts are the owner's plain counts (biased reference counting) and the threads share
# nothing but the allocator. Prints the thread count, a checksum and the wall time of the work.
from threadbench import time_threads, worker_count

TOTAL = 1600000


def work(n, out, k):
    total = 0.0
    seen = {}
    for i in range(n):
        point = [i * 0.5, i * 0.25, 1.0]
        total += point[0] * point[1] - point[2]
        key = "k" + str(i % 100)
        seen[key] = seen.get(key, 0) + 1
    out[k] = (round(total), len(seen))


n = worker_count()
share = TOTAL // n
out = [None] * n
elapsed = time_threads(work, lambda k: (share, out, k), n)
print(f"threads={n} checksum={sum(len(str(o)) for o in out)} time={elapsed:.3f}s")
