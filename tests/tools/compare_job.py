# A small fixed amount of CPU-bound work split over N threads (N from the last argument), for the
# minipy-compare test: the test checks the table and chart, never the times.
import sys
import threading

n = int(sys.argv[-1])


def work(steps):
    total = 0
    for i in range(steps):
        total += i & 7


threads = [threading.Thread(target=work, args=(200000 // n,)) for _ in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
