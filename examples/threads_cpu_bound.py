# CPU-bound threads: the same total work done by 1 thread, then split over 2 threads.
# What to look for: under `minipy` (GIL) the 2-thread time is about the 1-thread time — only one
# thread runs bytecode at a time, so no speed-up. Under `minipy-ft` (no GIL) on a machine with 2+
# cores the 2-thread time drops towards half. `minipy --gil-stats` shows the hand-offs.
import sys
import threading
import time

TOTAL = 20000000


def count(n):
    # Only locals inside the loop: the threads share no object while they spin.
    total = 0
    i = 0
    while i < n:
        total += i & 7
        i += 1
    return total


def timed(nthreads):
    share = TOTAL // nthreads
    threads = [threading.Thread(target=count, args=(share,)) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print("GIL enabled:", gil)
one = timed(1)
two = timed(2)
print(f"1 thread : {one:.2f} s")
print(f"2 threads: {two:.2f} s")
print(f"speed-up : {one / two:.2f}x")
