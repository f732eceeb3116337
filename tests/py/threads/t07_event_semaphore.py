# Event set/clear/wait and Semaphore/BoundedSemaphore counting.
import threading

ev = threading.Event()
print(ev.is_set())
print(ev.wait(0.01))
order = []

def waiter():
    ev.wait()
    order.append("woke")

t = threading.Thread(target=waiter)
t.start()
order.append("setting")
ev.set()
t.join()
print(order)
print(ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(timeout=0.01))
sem.release()
print(sem.acquire(blocking=False))
sem.release(2)
print(sem.acquire(False), sem.acquire(False), sem.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sem.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)

# At most two threads inside at once.
inside = 0
peak = 0
guard = threading.Lock()
limit = threading.Semaphore(2)

def use():
    global inside, peak
    with limit:
        with guard:
            inside += 1
            peak = max(peak, inside)
        for _ in range(2000):
            pass
        with guard:
            inside -= 1

ts = [threading.Thread(target=use) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak <= 2, inside)

b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
