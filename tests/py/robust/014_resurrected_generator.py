# A generator whose close() fails while it is being freed is handed to sys.unraisablehook, which may
# keep it: it must stay a valid object (the fuzzer found it freed all the same, December 2026), and
# its finalizer runs once (PEP 442): freeing it later reports nothing more.
import gc
import sys

seen = []
sys.unraisablehook = seen.append


def ignores_exit():
    while True:
        try:
            yield
        except GeneratorExit:
            pass


g = ignores_exit()
next(g)
del g
u = seen.pop()
gen = u.object
print(u.exc_type.__name__, u.exc_value, type(gen).__name__)
print(gen.gi_suspended, gen.gi_frame is not None, gen.__name__)
del u, gen
gc.collect()
print("reports after freeing it again:", seen)

g = ignores_exit()
next(g)
cycle = [g]
g.gi_frame.f_locals  # touch the frame
holder = {"cycle": cycle}
del g, cycle
del holder
gc.collect()
print(len(seen), seen and seen[-1].exc_type.__name__)
sys.unraisablehook = sys.__unraisablehook__
