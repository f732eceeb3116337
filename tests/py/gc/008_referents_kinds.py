# gc.get_referents of the newly tracked kinds, and cycles through them found by the collector:
# iterators, dict views, modules, properties, static/class methods, SimpleNamespace, map/filter/zip.
import gc
import types
import weakref


class Node:
    pass


L = [1, 2]
print(gc.get_referents(iter(L)) == [L])
d = {"k": 1}
print(gc.get_referents(d.keys()) == [d])
print(gc.get_referents(iter(d)) == [d])
s = {1, 2}
print(gc.get_referents(iter(s)) == [s])
m = types.ModuleType("m")
print(gc.get_referents(m) == [m.__dict__])
f = lambda: 1
print(f in gc.get_referents(staticmethod(f)), f in gc.get_referents(classmethod(f)))
print(f in gc.get_referents(property(f)))  # unbound: minipy-ft makes module-level ones immortal
ns = types.SimpleNamespace(a=1)
print(gc.get_referents(ns) == [ns.__dict__])
it = iter(L)
print(it in gc.get_referents(enumerate(it)))
print(f in gc.get_referents(map(f, L)), f in gc.get_referents(filter(f, L)))


def cycle_through(make, name):
    # `make(node)` returns an object that refers to `node`; the node refers back to it.
    gc.collect()
    node = Node()
    node.other = make(node)
    r = weakref.ref(node)
    del node
    gc.collect()
    print(name, "freed:", r() is None)


cycle_through(lambda n: iter([n]), "list iterator")
cycle_through(lambda n: iter((n,)), "tuple iterator")
cycle_through(lambda n: iter({"k": n}.values()), "dict value iterator")
cycle_through(lambda n: {"k": n}.items(), "dict items view")
cycle_through(lambda n: enumerate([n]), "enumerate")
cycle_through(lambda n: zip([n], [1]), "zip")
cycle_through(lambda n: map(lambda x: n, [1]), "map")
cycle_through(lambda n: filter(lambda x: n, [1]), "filter")
cycle_through(lambda n: reversed((n, 1)), "reversed")
cycle_through(lambda n: property(lambda self: n), "property")
cycle_through(lambda n: staticmethod(lambda: n), "staticmethod")
cycle_through(lambda n: classmethod(lambda cls: n), "classmethod")
cycle_through(lambda n: types.SimpleNamespace(node=n), "SimpleNamespace")
cycle_through(lambda n: iter(lambda: n, None), "callable_iterator")


def module_cycle():
    mod = types.ModuleType("scratch")
    mod.node = Node()
    mod.node.module = mod
    return weakref.ref(mod.node)


r = module_cycle()
gc.collect()
print("module freed:", r() is None)


# A dict tracked late (its first container stored after atomic values) still has its cycle found.
def late_dict():
    d = {"a": 1, "b": 2}
    n = Node()
    d["n"] = n
    n.d = d
    return weakref.ref(n)


r = late_dict()
gc.collect()
print("late-tracked dict cycle freed:", r() is None)
