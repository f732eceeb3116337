# Classes derived from the itertools types, as CPython 3.11 allows them: instances of the subclass,
# keyword arguments refused unless the subclass's own __init__ or __new__ takes them, reprs naming
# the subclass, overridden methods, pickling to the subclass, chain[int], weak references; and the
# helper types that cannot be subclassed.
import copy
import operator
import pickle
import weakref
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat,
                       starmap, takewhile, zip_longest)


def is_even(x):
    return x % 2 == 0


CASES = [
    (count, (1, 2)), (cycle, ([1, 2],)), (repeat, (1, 2)), (accumulate, ([1, 2, 3],)), (chain, ([1, 2], [3, 4])),
    (compress, ("ABC", [1, 0, 1])), (dropwhile, (is_even, [2, 3, 4])), (takewhile, (is_even, [2, 3, 4])),
    (filterfalse, (None, [0, 1])), (starmap, (operator.pow, ((2, 3), (3, 2)))), (islice, ([1, 2, 3, 4], 1, 3)),
    (pairwise, ("abcd",)), (zip_longest, ([1, 2], "abc")), (groupby, ("aab",)), (product, ("ab", "c")),
    (permutations, ("abc", 2)), (combinations, ("abc", 2)), (combinations_with_replacement, ("ab", 2)),
]


def first(it):
    return [x if not isinstance(x, tuple) or len(x) != 2 or not hasattr(x[1], "__next__") else (x[0], list(x[1]))
            for x in islice(it, 3)]


def attempt(label, make):
    try:
        u = make()
        print(label, type(u).__name__, first(u), getattr(u, "newarg", "-"))
    except TypeError as e:
        print(label, "TypeError", e)


for cls, args in CASES:
    class Plain(cls):
        pass

    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    class WithNew(cls):
        def __new__(cls, *args, newarg=None):
            self = super().__new__(cls, *args)
            self.newarg = newarg
            return self

    name = cls.__name__
    u = Plain(*args)
    print(name, type(u) is Plain, isinstance(u, cls), issubclass(Plain, cls), Plain.__mro__[1] is cls)
    attempt(name + " plain", lambda: Plain(*args))
    attempt(name + " plain newarg", lambda: Plain(*args, newarg=3))
    attempt(name + " init newarg", lambda: WithInit(*args, newarg=3))
    attempt(name + " new newarg", lambda: WithNew(*args, newarg=3))

for base in (itertools._grouper, itertools._tee, itertools._tee_dataobject):
    try:
        type("Sub", (base,), {})
    except TypeError as e:
        print("TypeError", e)


class MyCount(count):
    pass


class MyRepeat(repeat):
    def __repr__(self):
        return "MyRepeat says " + super().__repr__()


c = MyCount(5, 3)
print(repr(c), repr(MyCount()), repr(MyRepeat("x", 2)), repr(type("R2", (repeat,), {})(1)))
next(c)
print(repr(c), c.__reduce__()[0].__name__, list(islice(pickle.loads(pickle.dumps(c)), 3)))


class Doubled(chain):
    def __next__(self):
        return 2 * super().__next__()


d = Doubled([1, 2], [3])
print(list(d), type(Doubled.from_iterable([[5]])).__name__, list(Doubled.from_iterable([[5, 6]])))


class Tagged(islice):
    pass


t = Tagged(range(10), 2, 8, 2)
t.label = "kept?"
next(t)
t2 = pickle.loads(pickle.dumps(t))
print(type(t2).__name__, list(t2), getattr(t2, "label", "no label after pickling"), type(copy.copy(t)).__name__)

print(chain[int], chain[int, str].__origin__ is chain, chain[int].__args__)
for cls in (count, product, islice):
    try:
        cls[int]
    except TypeError as e:
        print("TypeError", e)

for cls, args in CASES:
    class Weak(cls):
        pass
    w = Weak(*args)
    r = weakref.ref(w)
    print(cls.__name__, "weakref", r() is w, end="; ")
    del w
    print(r() is None)

for cls in (chain, count, repeat, product, zip_longest):
    try:
        cls.__new__(int)
    except TypeError as e:
        print("TypeError", e)
print(type(chain.__new__(chain, "ab")).__name__, list(chain.__new__(chain, "ab")))
print(type(count.__new__(MyCount, 7)).__name__, repr(count.__new__(MyCount, 7)))

# The builtins map and filter follow the same rule as the itertools types.
for cls, args in [(map, (str, [1, 2])), (filter, (None, [0, 1]))]:
    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    class Plain(cls):
        pass

    attempt(cls.__name__ + " init newarg", lambda: WithInit(*args, newarg=3))
    attempt(cls.__name__ + " plain newarg", lambda: Plain(*args, newarg=3))
