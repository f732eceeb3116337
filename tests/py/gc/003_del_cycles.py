# __del__ on objects in reference cycles (PEP 442): each runs once, before the cycle is broken, with
# every member still intact; a finalizer that resurrects its object keeps it alive, and its
# __del__ is not run again when it finally dies.
import gc

gc.collect()
log = []


class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        print("__del__", self.name, "partner:", self.partner.name)


a = Fin("a")
b = Fin("b")
a.partner = b
b.partner = a
del a, b
print(gc.collect() >= 2)
print(sorted(log))
print(gc.collect())
print(sorted(log))

# Resurrection.
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


p = Phoenix()
p.self = p
del p
print(gc.collect() >= 1)
print(len(saved), gc.is_finalized(saved[0]))
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect() >= 1)
print("no second __del__")

# A finalizer that breaks its own cycle.
class Breaker:
    def __del__(self):
        print("Breaker.__del__")
        self.me = None


x = Breaker()
x.me = x
del x
print(gc.collect() >= 1)
print(gc.garbage)
