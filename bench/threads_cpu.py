# threads_cpu.py N — a fixed amount of CPU-bound work (16,000,000 loop steps) split evenly over N
# threads (default 1). With the GIL the time stays flat as N grows; without it, it should fall
# towards 1/N on N cores. Prints the thread count, a checksum and the wall time of the work.
from threadbench import time_threads, worker_count

TOTAL = 16000000


def work(n, out, k):
    total = 0
    i = 0
    while i < n:
        total += i & 7
        i += 1
    out[k] = total


n = worker_count()
share = TOTAL // n
out = [0] * n
elapsed = time_threads(work, lambda k: (share, out, k), n)
print(f"threads={n} checksum={sum(out)} time={elapsed:.3f}s")
