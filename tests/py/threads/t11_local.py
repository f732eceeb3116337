# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = []
lock = threading.Lock()

def work(i):
    try:
        data.x
    except AttributeError:
        with lock:
            seen.append(("missing", i))
    data.x = i
    for _ in range(100):
        pass
    with lock:
        seen.append((data.x, i))

ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen, key=str))
print(data.x)
del data.x
try:
    data.x
except AttributeError as e:
    print("AttributeError")
print(hasattr(data, "x"))
