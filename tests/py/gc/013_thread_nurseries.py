# Containers made by several threads at once (in minipy-ft each thread tracks them in a nursery of
# its own): cycles they leave are found by a collection in the main thread, objects that outlive
# their thread are still seen by gc.get_objects, and freeing one made by another thread is safe.
import gc
import threading


class Node:
    pass


def make_cycles(count, kept, handoff):
    for i in range(count):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
    kept.append([Node() for _ in range(50)])
    handoff.extend([i] for i in range(200))  # lists freed later by the main thread


gc.disable()
gc.collect()
kept = []
handoff = []
threads = [threading.Thread(target=make_cycles, args=(300, kept, handoff)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

found = gc.collect()
print("unreachable cycles found:", found >= 4 * 300 * 2)
print("a second collection finds nothing:", gc.collect())
everything = gc.get_objects()
print("lists made by threads that ended are tracked:", all(gc.is_tracked(x) for x in kept))
print("and seen by gc.get_objects:", sum(1 for o in everything if any(o is x for x in kept)))
del everything
print("lists handed over:", len(handoff))
handoff.clear()
kept.clear()
print("nothing left after freeing them in the main thread:", gc.collect())
gc.enable()
