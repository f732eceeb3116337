# procs_cpu.py N — the work of threads_cpu.py (16,000,000 loop steps) split over N worker processes
# (default 1) with multiprocessing.Pool. Each process has its own interpreter and, in minipy, its own
# GIL, so this scales with N in every flavor, at the price of starting processes and pickling the
# arguments and results. Prints the process count, the checksum and the wall time (pool start-up
# included, as a user would pay it).
import sys
import time
from multiprocessing import Pool

TOTAL = 16000000


def work(n):
    total = 0
    i = 0
    while i < n:
        total += i & 7
        i += 1
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    start = time.perf_counter()
    with Pool(n) as pool:
        out = pool.map(work, [TOTAL // n] * n)
    elapsed = time.perf_counter() - start
    print(f"procs={n} checksum={sum(out)} time={elapsed:.3f}s")
