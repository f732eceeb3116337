# RLock: the owner may re-acquire; other threads wait; only the owner may release.
import threading

r = threading.RLock()
print(r.acquire())
print(r.acquire())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

with r:
    with r:
        print("nested ok")

r.acquire()
seen = []

def try_take():
    seen.append(r.acquire(False))
    try:
        r.release()
    except RuntimeError as e:
        seen.append(str(e))

t = threading.Thread(target=try_take)
t.start()
t.join()
r.release()
print(seen)

def fact(n):
    with r:
        return 1 if n <= 1 else n * fact(n - 1)

print(fact(10))
