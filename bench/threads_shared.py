# threads_shared.py N — N threads (default 1) split a fixed number of passes over ONE shared list of
# floats, summing it. Every read counts a reference on an object another thread owns: in minipy-ft
# that is an atomic add on the object's shared count, and all threads hit the same few cache lines,
# so this scales worse than threads_alloc.py. (CPython's free-threaded build has the same problem
# and is adding deferred counting for it.) Prints the thread count, the sum and the wall time.
from threadbench import time_threads, worker_count

PASSES = 16000
DATA = [i * 0.5 for i in range(1000)]


def work(passes, out, k):
    total = 0.0
    for _ in range(passes):
        for x in DATA:
            total += x
    out[k] = total


n = worker_count()
share = PASSES // n
out = [0.0] * n
elapsed = time_threads(work, lambda k: (share, out, k), n)
print(f"threads={n} sum={sum(out)} time={elapsed:.3f}s")
