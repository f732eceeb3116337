# I/O-bound threads: ten "requests" that each wait 0.2 s (time.sleep stands in for the network).
# What to look for: done one after another they take about 2 s; in ten threads about 0.2 s, under
# both `minipy` and `minipy-ft` — a sleeping (or reading) thread lets go of the GIL, so the waits
# overlap even with a GIL.
import threading
import time

REQUESTS = 10
WAIT = 0.2


def fetch(i, results):
    time.sleep(WAIT)
    results[i] = f"response {i}"


results = [None] * REQUESTS
start = time.perf_counter()
for i in range(REQUESTS):
    fetch(i, results)
sequential = time.perf_counter() - start

results = [None] * REQUESTS
threads = [threading.Thread(target=fetch, args=(i, results)) for i in range(REQUESTS)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print(f"sequential: {sequential:.2f} s")
print(f"{REQUESTS} threads: {threaded:.2f} s")
print("all responses:", all(r is not None for r in results))
