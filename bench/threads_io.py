# threads_io.py N — 32 simulated I/O requests (each a 50 ms sleep) served by N threads (default 1)
# taking requests from a queue. Sleeping lets go of the GIL, so the time falls as about 1/N in both
# flavors until N reaches 32. Prints the thread count, the requests served and the wall time.
import queue
import time

from threadbench import time_threads, worker_count

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


n = worker_count()
q = queue.Queue()
for i in range(REQUESTS):
    q.put(i)
done = []
elapsed = time_threads(serve, lambda k: (q, done), n)
print(f"threads={n} served={len(done)} time={elapsed:.3f}s")
