# Forking while another thread is busy with objects the main thread made: the child has only the
# forking thread, and must still count, free and share objects normally (minipy-ft re-makes its
# reference-count queues in the child).
import threading
from multiprocessing import Process, Queue

shared = [[i] for i in range(1000)]
stop = threading.Event()

def churn():
    # Takes and drops references to objects owned by the main thread, as fast as it can.
    while not stop.is_set():
        for item in shared:
            x = item
        copy = list(shared)
        del copy

def child(q, k):
    total = 0
    for item in shared:
        total += item[0]
    fresh = [[i] * 3 for i in range(1000)]
    del fresh
    q.put((k, total))

if __name__ == "__main__":
    t = threading.Thread(target=churn)
    t.start()
    q = Queue()
    results = []
    for k in range(6):
        p = Process(target=child, args=(q, k))
        p.start()
        results.append(q.get())
        p.join()
        print(k, p.exitcode)
    stop.set()
    t.join()
    print(sorted(results))
