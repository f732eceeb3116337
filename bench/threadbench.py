# threadbench.py — what the thread benchmarks share: the worker count from the command line, and
# timing N threads that each run `work` from start to join.
import sys
import threading
import time


def worker_count():
    """N from `script.py N` (default 1)."""
    return int(sys.argv[1]) if len(sys.argv) > 1 else 1


def time_threads(work, args_of, n):
    """Runs work(*args_of(k)) in threads k = 0..n-1 and returns the seconds until all have joined."""
    threads = [threading.Thread(target=work, args=args_of(k)) for k in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start
