# gc.is_tracked answers as CPython 3.11: atomic objects are never tracked; containers are, including
# every kind of iterator, view, descriptor and module; a collection untracks tuples that hold atomic
# values only. (Dicts are not checked: CPython 3.11 leaves a dict of atomic values untracked, minipy
# tracks every dict.)
import gc
import types


def show(name, o):
    print(name, gc.is_tracked(o))


class A:
    def method(self):
        return super()


L = [1, 2]
show("int", 1)
show("str", "a")
show("float", 1.5)
show("None", None)
show("list", [])
show("set", set())
show("list_iterator", iter(L))
show("list_reverseiterator", reversed(L))
show("tuple_iterator", iter((1, 2)))
show("str_iterator", iter("ab"))
show("range_iterator", iter(range(3)))
show("dict_keyiterator", iter({1: 2}))
show("dict_itemiterator", iter({1: 2}.items()))
show("set_iterator", iter({1}))
show("enumerate", enumerate(L))
show("zip", zip(L, L))
show("reversed", reversed((1, 2)))
show("map", map(str, L))
show("filter", filter(None, L))
show("callable_iterator", iter(int, 1))
show("dict_keys", {}.keys())
show("dict_values", {}.values())
show("dict_items", {}.items())
show("module", gc)
show("property", property())
show("staticmethod", staticmethod(len))
show("classmethod", classmethod(len))
show("super", A().method())
show("SimpleNamespace", types.SimpleNamespace())
show("generic alias", list[int])
show("bound method", A().method)
show("function", lambda: 0)  # not bound at module level: minipy-ft makes those immortal

# A collection untracks tuples of atomic values (built at run time: constants may be untracked already).
n = 3
t = (1, "two", float(n))
holder = (1, [n])
show("atomic tuple before collect", t)
gc.collect()
show("atomic tuple after collect", t)
show("tuple holding a list after collect", holder)
