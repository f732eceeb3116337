# Barrier: all parties pass together, each gets a distinct index, the action runs once per round;
# abort() breaks it.
import threading
import time

log = []
lock = threading.Lock()
barrier = threading.Barrier(3, action=lambda: log.append("action"))
indices = []

def party():
    for round_no in range(2):
        i = barrier.wait()
        with lock:
            indices.append((round_no, i))

ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log)
print(sorted(indices))
print(barrier.parties)

broken = threading.Barrier(2)
result = []

def lone():
    try:
        broken.wait()
    except threading.BrokenBarrierError:
        result.append("broken")

t = threading.Thread(target=lone)
t.start()
while broken.n_waiting == 0:
    time.sleep(0.001)
broken.abort()
t.join()
print(result, broken.broken)
try:
    broken.wait()
except threading.BrokenBarrierError:
    print("still broken")
broken.reset()
print(broken.broken, broken.n_waiting)

timed = threading.Barrier(2, timeout=0.01)
try:
    timed.wait()
except threading.BrokenBarrierError:
    print("timed out")
print(issubclass(threading.BrokenBarrierError, RuntimeError))
