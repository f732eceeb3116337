# A metaclass's __del__ runs for a class it made when the class is freed, by reference counting or
# by the collector; weak-reference callbacks on classes run, and a class freed in a cycle is gone
# from its base's __subclasses__() and from the attribute lookups that used it.
import gc
import weakref

events = []


class Meta(type):
    def __del__(cls):
        events.append("del " + cls.__name__)


def make(name, cyclic):
    C = Meta(name, (), {})
    if cyclic:
        C.self_ref = C
    return C


C = make("Plain", False)
del C
C = make("Cyclic", True)
del C
gc.collect()
print(events)

callbacks = []


class Base:
    def greet(self):
        return "base"


def sub(i):
    class Sub(Base):
        def greet(self):
            return "sub %d" % i

    Sub.cycle = Sub
    return Sub


subs = [sub(i) for i in range(5)]
refs = [weakref.ref(s, lambda r, i=i: callbacks.append(i)) for i, s in enumerate(subs)]
print([s().greet() for s in subs])
del subs
gc.collect()
print(sorted(callbacks), [r() for r in refs], Base.__subclasses__())

# The same attribute site sees fresh classes that may reuse freed ones' memory.
def call_greet(obj):
    return obj.greet()


out = []
for i in range(300):
    S = sub(i)
    out.append(call_greet(S()))
    del S
    if i % 50 == 0:
        gc.collect()
print(out[:3], out[-1], len(set(out)))
