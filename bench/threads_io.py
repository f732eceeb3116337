# threads_io.py N — 32 simulated I/O requests (each a 50 ms sleep) served by N threads (default 1)
# taking requests from a queue. Sleeping lets go of the GIL, so the time falls as about 1/N in both
# flavors until N reaches 32. Prints the thread count, the requests served and the wall time.
import queue
import sys
import threading
import time

REQUESTS = 32
WAIT = 0.05


def serve(q, done):
    while True:
        try:
            q.get_nowait()
        except queue.Empty:
            return
        time.sleep(WAIT)
        done.append(1)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1
q = queue.Queue()
for i in range(REQUESTS):
    q.put(i)
done = []
threads = [threading.Thread(target=serve, args=(q, done)) for _ in range(n)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"threads={n} served={len(done)} time={elapsed:.3f}s")
