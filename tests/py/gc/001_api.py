# The gc module's API: switches, thresholds, counts, debug flags, introspection and its errors,
# with CPython 3.11's names and messages.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5, 7)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)

count = gc.get_count()
print(type(count).__name__, len(count), all(type(c) is int and c >= 0 for c in count))

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.garbage)

for bad in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect("x"),
            lambda: gc.get_objects(3), lambda: gc.get_objects(-1), lambda: gc.set_threshold(),
            lambda: gc.set_threshold(1.5), lambda: gc.is_tracked(), lambda: gc.set_debug("a"),
            lambda: gc.collect(1, 2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)

class C:
    pass

print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None), gc.is_tracked(2.5))
print(gc.is_tracked([]), gc.is_tracked(C()), gc.is_tracked(lambda: 0), gc.is_tracked({1, 2}))

# Referents in CPython's traversal order; atoms are visited too.
x = C()
print(gc.get_referents([1, "a", x]) == [x, "a", 1])
print(gc.get_referents((x, 2)) == [2, x])
print(gc.get_referents(1, "a"))

holder = [x]
print(any(r is holder for r in gc.get_referrers(x)))
print(any(o is holder for o in gc.get_objects()))
print(all(type(o) is not int for o in gc.get_objects()))
print(type(gc.get_objects(0)).__name__)

stats = gc.get_stats()
print(len(stats), sorted(stats[0]), all(s["uncollectable"] == 0 for s in stats))

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

seen = []
def callback(phase, info):
    seen.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(callback)
gc.collect()
gc.callbacks.remove(callback)
print(seen)

class Fin:
    def __del__(self):
        pass

f = Fin()
print(gc.is_finalized(f))
f.self = f
del f
gc.collect()
print(gc.garbage)
