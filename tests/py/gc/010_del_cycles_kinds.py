# __del__ of objects in cycles through the newly tracked kinds runs once, before the cycle is freed
# (PEP 442), and gc.collect() reports the objects it found.
import gc


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


gc.collect()
a = Loud("via iterator")
a.it = iter([a])
del a
print("collect:", gc.collect() > 0)

def attach_property(obj):
    obj.p = property(lambda self: obj)  # the getter's cell holds obj: a cycle


b = Loud("via property")
attach_property(b)
del b
print("collect:", gc.collect() > 0)

c = Loud("via dict view")
c.view = {"c": c}.values()
del c
print("collect:", gc.collect() > 0)

d = Loud("via zip")
d.z = zip([d], [1])
del d
print("collect:", gc.collect() > 0)
print("again:", gc.collect())
