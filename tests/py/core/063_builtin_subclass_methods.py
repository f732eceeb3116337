# LOAD_METHOD's cache for subclasses of built-in types (list, dict, str, ...), whose instances keep
# their attributes in a side dict: an instance attribute that shadows a method, a method added,
# replaced or deleted on the class after calls were cached, and instances of several such classes
# at one call site must all behave as in CPython.


class Coll(list):
    pass


class Named(dict):
    def describe(self):
        return "named %d" % len(self)


class Upper(str):
    def shout(self):
        return self.upper() + "!"


def fill(c, n):
    for i in range(n):
        c.append(i)  # one call site, cached after the first call
    return c


a = fill(Coll(), 3)
print(a, type(a).__name__)
b = Coll()
b.append = lambda x: print("shadowed append", x)  # the side dict now shadows list.append
fill(b, 2)
print(b)
del b.append
fill(b, 2)
print(b)


def call_describe(objs):
    return [o.describe() for o in objs]


n = Named(x=1)
print(call_describe([n, n]))
Named.describe = lambda self: "replaced %s" % sorted(self)
print(call_describe([n]))
del Named.describe
try:
    call_describe([n])
except AttributeError as e:
    print("AttributeError:", e)


def shout_all(items):
    return [s.shout() for s in items]


u = Upper("hi")
print(shout_all([u, Upper("yo")]))
u.shout = lambda: "instance shout"
print(shout_all([u, Upper("yo")]))


# One call site over several types: plain lists, subclasses, and a class instance.
class Plain:
    def append(self, x):
        print("Plain.append", x)


for target in [[], Coll(), Plain(), Coll(), []]:
    target.append(7)
    print(type(target).__name__, target if isinstance(target, list) else "")


# A method inherited through two levels, then overridden in the middle class.
class Base(list):
    def total(self):
        return sum(self)


class Mid(Base):
    pass


class Leaf(Mid):
    pass


leaf = Leaf([1, 2, 3])
for _ in range(3):
    print(leaf.total())
Mid.total = lambda self: -1
print(leaf.total())
