# Weak references to objects in a collected cycle are cleared before any finalizer runs, and their
# callbacks run (with the dead reference) when the collector frees the cycle.
import gc
import weakref

gc.collect()


class Obj:
    pass


a = Obj()
b = Obj()
a.b = b
b.a = a
events = []
wa = weakref.ref(a, lambda r: events.append(("a", r() is None)))
wb = weakref.ref(b, lambda r: events.append(("b", r() is None)))
del a, b
print(events)
print(gc.collect() >= 2)
print(sorted(events))
print(wa(), wb())


class WithDel:
    def __del__(self):
        print("__del__ sees the partner's weakref dead:", self.partner_ref() is None)


x = WithDel()
y = Obj()
x.y = y
y.x = x
x.partner_ref = weakref.ref(y)
del x, y
print(gc.collect() >= 2)

# A callback on an object kept alive from outside does not run.
kept = Obj()
kept.me = kept
wk = weakref.ref(kept, lambda r: print("must not run"))
print(gc.collect())
print(wk() is kept)
del wk

# WeakValueDictionary entries of collected cycles disappear.
cache = weakref.WeakValueDictionary()
for i in range(5):
    o = Obj()
    o.me = o
    cache[i] = o
del o
print(len(cache))
gc.collect()
print(len(cache))
