# Threads rebind module globals (own names and a shared one) while others read them through the
# LOAD_GLOBAL cache; every read sees a whole object, never a freed one.
import threading

shared = [0]
own0 = own1 = own2 = own3 = 0
N = 30000

def bump(k):
    global shared, own0, own1, own2, own3
    for i in range(N):
        shared = [k, i]
        if k == 0:
            own0 += 1
        elif k == 1:
            own1 += 1
        elif k == 2:
            own2 += 1
        else:
            own3 += 1

def read():
    bad = 0
    for _ in range(N):
        v = shared
        if len(v) not in (1, 2):
            bad += 1
    return bad

results = []
ts = [threading.Thread(target=bump, args=(k,)) for k in range(4)]
ts.append(threading.Thread(target=lambda: results.append(read())))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(own0, own1, own2, own3)
print(results, len(shared))
