# Condition: wait/notify hands items from a producer to a consumer; wait_for with a predicate;
# notify_all wakes every waiter; errors on an un-acquired condition.
import threading

cond = threading.Condition()
items = []
got = []

def consumer():
    with cond:
        for _ in range(5):
            cond.wait_for(lambda: len(items) > 0)
            got.append(items.pop(0))

c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got)

ready = []
go = False

def waiter(i):
    with cond:
        ready.append(i)
        cond.notify_all()
        while not go:
            cond.wait()
        done.append(i)

done = []
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
with cond:
    cond.wait_for(lambda: len(ready) == 4)
    go = True
    cond.notify_all()
for w in ws:
    w.join()
print(sorted(done))

with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: False, timeout=0.01))

try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

plain = threading.Condition(threading.Lock())
with plain:
    plain.notify()
    print(plain.wait(0))
