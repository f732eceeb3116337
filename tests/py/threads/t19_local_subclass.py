# threading.local subclasses: __init__ runs again, with the same arguments, in each thread that
# first looks at the object; attributes and methods are per thread.
import threading

class Counter(threading.local):
    created = 0

    def __init__(self, start, *, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value

c = Counter(10, step=5)
print(c.bump(), c.bump(), Counter.created)
results = {}

def work(name):
    results[name] = (c.value, c.bump(), sorted(c.__dict__))

ts = [threading.Thread(target=work, args=("t%d" % k,)) for k in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(results.items()))
print(c.value, Counter.created, isinstance(c, threading.local), type(c).__name__)

class Plain(threading.local):
    pass

p = Plain()
p.x = 1
seen = []
th = threading.Thread(target=lambda: seen.append(hasattr(p, "x")))
th.start()
th.join()
print(p.x, seen)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
