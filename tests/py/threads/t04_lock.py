# Lock: acquire/release, non-blocking and timed acquires, locked(), errors, context manager.
import threading
import _thread

lock = threading.Lock()
print(lock.locked())
print(lock.acquire())
print(lock.locked())
print(lock.acquire(False))
print(lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01))
print(lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
print(type(lock) is _thread.LockType)

# A lock released by another thread than the one that took it (unlike RLock).
gate = threading.Lock()
gate.acquire()
opened = []

def opener():
    opened.append(1)
    gate.release()

t = threading.Thread(target=opener)
t.start()
print(gate.acquire(timeout=5))
t.join()
print(opened)

# Mutual exclusion: four threads each add 1000 to one counter under the lock.
counter = 0

def add():
    global counter
    for _ in range(1000):
        with lock:
            counter += 1

ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
