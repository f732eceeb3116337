# Four threads each append 100,000 items to one list: exactly 400,000 remain, none lost, no crash;
# then four threads pop them all concurrently.
import threading

items = []
N = 100000

def append_all(tag):
    append = items.append
    for i in range(N):
        append(tag)

ts = [threading.Thread(target=append_all, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(items))
print([items.count(k) for k in range(4)])

popped = [0, 0, 0, 0]

def pop_all(k):
    n = 0
    while True:
        try:
            items.pop()
        except IndexError:
            break
        n += 1
    popped[k] = n

ts = [threading.Thread(target=pop_all, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(popped), len(items))
