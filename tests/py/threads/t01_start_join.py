# Threads start, run their target with args/kwargs, and join in a fixed order.
import threading

results = []

def work(n, scale=1):
    results.append(n * scale)

threads = [threading.Thread(target=work, args=(i,), kwargs={"scale": 10}) for i in range(5)]
for t in threads:
    print(t.is_alive())
    t.start()
for t in threads:
    t.join()
    print(t.is_alive())
print(sorted(results))

t = threading.Thread(target=work, args=(7,))
t.start()
t.join()
print(results[-1])
print(t.ident is not None, isinstance(t.native_id, int))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=work).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
