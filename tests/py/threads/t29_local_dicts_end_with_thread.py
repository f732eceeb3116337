# A _thread._local's attributes belong to the thread that set them: they are freed when that thread
# ends (not when the local is), its __dict__ cannot be replaced, and it may be weakly referenced.
import _thread, gc, threading, weakref

class Weak:
    pass

def target(local, weaklist):
    weak = Weak()
    local.weak = weak
    weaklist.append(weakref.ref(weak))

for n in (5, 20):
    local = _thread._local()
    weaklist = []
    for i in range(n):
        t = threading.Thread(target=target, args=(local, weaklist))
        t.start()
        t.join()
    gc.collect()
    dead = [w for w in weaklist if w() is None]
    print(n, len(weaklist), len(dead) >= n - 1)

class L(_thread._local):
    def __init__(self, v):
        self.v = v
loc = L(7)
seen = []
th = threading.Thread(target=lambda: seen.append(loc.v))
th.start(); th.join()
print(seen, loc.v, loc.__dict__)
for o in (_thread._local(), loc):
    for f in (lambda: setattr(o, "__dict__", {}), lambda: delattr(o, "__dict__")):
        try:
            f()
        except AttributeError as e:
            print(e)
r = weakref.ref(loc)
del loc, o, f
print(r() is None)
