# 200 short threads, started in waves and joined: every one runs exactly once.
import threading

count = 0
lock = threading.Lock()
seen = set()

def short(i):
    global count
    with lock:
        count += 1
        seen.add(i)

for wave in range(10):
    ts = [threading.Thread(target=short, args=(wave * 20 + i,)) for i in range(20)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(count, len(seen), threading.active_count())
