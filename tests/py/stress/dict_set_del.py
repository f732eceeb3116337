# Threads insert and delete keys of one shared dict concurrently; readers iterate and look up.
# Each writer owns its keys, so the final contents are known exactly.
import threading

shared = {}
N = 20000

def writer(k):
    for i in range(N):
        key = (k, i)
        shared[key] = i
        if i % 2 == 0:
            del shared[key]

def reader():
    total = 0
    for _ in range(50):
        for key in list(shared):
            v = shared.get(key)
            if v is not None:
                total += 1
        total += len(shared)
    return total

ts = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
ts.append(threading.Thread(target=reader))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared))
print(all(shared[(k, i)] == i for k in range(3) for i in range(1, N, 2)))
