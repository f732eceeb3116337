# The dunder methods of built-in types, called directly and bound, as CPython's wrapper descriptors.
print(int.__add__(3, 4), (5).__mul__(6), (2).__rsub__(10), int.__add__(1, 2.5))
print([1, 2].__len__(), list.__getitem__([7, 8], 1), "abc".__contains__("b"))
print(frozenset([1, 2]).__contains__(2), {1: 2}.__getitem__(1), (1, 2).__hash__() == hash((1, 2)))
d = {}
dict.__setitem__(d, "k", 1)
d.__setitem__("j", 2)
d.__delitem__("k")
print(d, list.__hash__, dict.__hash__ is None, hasattr(tuple, "__hash__"))
it = [1, 2].__iter__()
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), (3).__lt__(4), "a".__ge__("b"))
print(str.__repr__("x"), int.__repr__(7), float.__neg__(1.5), (-3).__abs__(), (0).__bool__())
print(list.__iadd__([1], [2]), [1].__mul__(2), [1].__rmul__(3), hasattr(list, "__radd__"))


class L(list):
    def __len__(self):
        return 99


x = L([1, 2, 3])
print(len(x), list.__len__(x), list.__getitem__(x, 0))


class Point:
    def __init__(self, x):
        object.__setattr__(self, "x", x)

    def __setattr__(self, name, value):
        raise AttributeError("frozen")


p = Point(4)
print(p.x, object.__getattribute__(p, "x"))
try:
    p.x = 5
except AttributeError as e:
    print(e)
object.__delattr__(p, "x")
print(hasattr(p, "x"))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    int.__add__(1)
except TypeError as e:
    print(e)
print(sorted(k for k in vars(int) if k in ("__add__", "__radd__", "__lt__", "__hash__", "__repr__")))
