# A module-level function deleted or rebound is freed without a cycle, so gc.collect() does not count
# it (minipy-ft defers such functions' counts and frees them at the next collection: it still must
# not report them as garbage found), and what only it held dies with it.
import gc
import weakref


class Tracked:
    def __del__(self):
        print("held object freed")


gc.collect()


def f(x=Tracked()):
    return x


r = weakref.ref(f)
del f
print("collected", gc.collect(), "alive", r() is not None)


def g():
    return 1


rg = weakref.ref(g)


def g():
    return 2


print("collected", gc.collect(), "old alive", rg() is not None, "new", g())

# A function in a cycle (its own default refers to it) is still garbage the collector finds.
def h():
    pass


h.__defaults__ = (h,)
rh = weakref.ref(h)
del h
print("cycle found", gc.collect() >= 1, "alive", rh() is not None)
