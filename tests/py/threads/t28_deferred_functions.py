# Threads calling one recursive module-level function while another thread keeps rebinding module
# functions and collecting: in minipy-ft such functions are deferred (counted in each thread's
# ledger, freed only by the collector with the world stopped), so the callers' references stay
# valid, the rebound functions are freed, and the results are exact.
import gc
import threading
import weakref


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


results = [0] * 4
dropped = []


def caller(k):
    total = 0
    for _ in range(30):
        total += fib(15)
    results[k] = total


def rebinder():
    global helper
    for i in range(200):
        exec("def helper():\n    return %d\n" % i, globals())
        dropped.append(weakref.ref(helper))
        if i % 20 == 0:
            gc.collect()


threads = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
threads.append(threading.Thread(target=rebinder))
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print(results, fib(15) * 30)
print("helper", helper(), "alive:", sum(r() is not None for r in dropped))
# Methods looked up through the type attribute cache while the class is being changed.
class Shape:
    def area(self):
        return 1


def reader(out, k):
    s = Shape()
    total = 0
    for _ in range(3000):
        total += s.area()
    out[k] = total > 0


def writer():
    for i in range(300):
        exec("def area(self):\n    return %d\n" % (i + 1), globals(), ns := {})
        Shape.area = ns["area"]
        if i % 50 == 0:
            gc.collect()


ok = [False] * 3
threads = [threading.Thread(target=reader, args=(ok, k)) for k in range(3)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(ok, Shape().area())
