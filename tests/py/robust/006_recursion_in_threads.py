# The recursion limit and the C-stack guard hold in threads as in the main thread; _thread.stack_size.
import _thread
import threading

def deep(kind):
    x = None
    for i in range(100000):
        x = [x] if kind == "list" else {0: x}
    return x

results = []

def work(kind):
    try:
        repr(deep(kind))
        results.append((kind, "no error"))
    except RecursionError as e:
        results.append((kind, str(e)))
    def f(n):
        return f(n + 1)
    try:
        f(0)
    except RecursionError as e:
        results.append((kind, "python", str(e)))

threads = [threading.Thread(target=work, args=(k,)) for k in ("list", "dict")]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)

print(_thread.stack_size())
for bad in (-1, 100):
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError:", e)
print(_thread.stack_size(1 << 20), _thread.stack_size())
t = threading.Thread(target=work, args=("list",))
t.start()
t.join()
print(results[-1])
print(threading.stack_size(0))
