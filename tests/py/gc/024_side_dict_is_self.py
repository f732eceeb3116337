# A dict subclass whose __dict__ is the instance itself is a cycle the collector frees; a class's
# __dict__ cannot be replaced or deleted.
import gc, weakref

class X(dict):
    def __init__(self):
        dict.__init__(self)
        self.__dict__ = self

x = X()
x.attr = 42
print(x, x.attr, x.__dict__ is x)
wr = weakref.ref(x)
del x
gc.collect()
print(wr(), any(type(o) is X for o in gc.get_objects()))

class S(str):
    pass
s = S("s"); s.me = s; ws = weakref.ref(s); del s
print(gc.collect() > 0, ws())

class C:
    pass
for f in (lambda: setattr(C, "__dict__", {}), lambda: delattr(C, "__dict__")):
    try:
        f()
    except AttributeError as e:
        print(e)
print(type(C.__dict__).__name__)
