# threads_cpu.py N — a fixed amount of CPU-bound work (16,000,000 loop steps) split evenly over N
# threads (default 1). With the GIL the time stays flat as N grows; without it, it should fall
# towards 1/N on N cores. Prints the thread count, a checksum and the wall time of the work.
import sys
import threading
import time

TOTAL = 16000000


def work(n, out, k):
    total = 0
    i = 0
    while i < n:
        total += i & 7
        i += 1
    out[k] = total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1
share = TOTAL // n
out = [0] * n
threads = [threading.Thread(target=work, args=(share, out, k)) for k in range(n)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"threads={n} checksum={sum(out)} time={elapsed:.3f}s")
