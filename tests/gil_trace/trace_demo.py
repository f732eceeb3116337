# trace_demo.py — the program tests/gil_trace runs with --gil-trace: one thread in each state the
# timeline shows (two CPU spinners fighting over the GIL, a sleeper, a queue consumer, a thread
# blocked on a lock, a hasher in C code without the GIL), and the main thread joining them all.
import hashlib
import queue
import threading
import time

BIG = bytes(range(256)) * 4096


def spin(n):
    total = 0
    i = 0
    while i < n:
        total += i & 7
        i += 1


def sleeper():
    # Long enough that the main thread is still starting threads or sleeping when it ends, so its
    # join() always waits: with 0.03 s, minipy-ft's spinners and sleeper all finished before the
    # join in 3 runs of 10 on an idle 2-core machine.
    time.sleep(0.3)


q = queue.Queue()
lock = threading.Lock()


def consumer():
    q.get()


def locker():
    with lock:
        pass


def hasher():
    h = hashlib.sha256()
    for _ in range(20):
        h.update(BIG)


lock.acquire()
threads = [threading.Thread(target=spin, args=(1500000,), name="spinner-1"),
           threading.Thread(target=spin, args=(1500000,), name="spinner-2"),
           threading.Thread(target=sleeper, name="sleeper"),
           threading.Thread(target=consumer, name="consumer"),
           threading.Thread(target=locker, name="locker"),
           threading.Thread(target=hasher, name="hasher")]
for t in threads:
    t.start()
time.sleep(0.02)
lock.release()
q.put(1)
for t in threads:
    t.join()
print("done")
