# Two CPU-bound threads: what --gil-stats and sys._is_gil_enabled() report for each flavor.
import sys
import threading


def work():
    n = 0
    for i in range(200000):
        n += i


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sys._is_gil_enabled())
