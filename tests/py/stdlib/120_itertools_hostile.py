# itertools against hostile inputs, each as CPython 3.11 answers it and none a crash: inputs that
# raise (and what state the iterator is left in), key functions, predicates and __eq__/__bool__/
# __index__ methods that raise or re-enter the iterator calling them, inputs changed while they are
# read, iterators nested tens of thousands deep, and reference cycles through itertools objects.
import gc
import operator
import weakref
from itertools import (accumulate, chain, combinations, compress, count, cycle, dropwhile, filterfalse, groupby,
                       islice, pairwise, permutations, product, repeat, starmap, takewhile, tee, zip_longest)


class Boom(Exception):
    pass


def failing(items, at):
    """Yields items, raising Boom in place of the one at index `at`."""
    for i, item in enumerate(items):
        if i == at:
            raise Boom(f"at {i}")
        yield item


def run(label, it, n=6):
    got = []
    for _ in range(n):
        try:
            got.append(next(it))
        except StopIteration:
            got.append("stop")
            break
        except Exception as e:
            got.append(f"{type(e).__name__}({e})")
    print(label, got)


# An input that raises: the error passes through, and the iterator then stands where CPython's does.
run("chain", chain(failing("abc", 1), "xy"))
run("islice", islice(failing("abcd", 2), 4))
run("zip_longest", zip_longest(failing("abc", 1), "wxyz"))
run("pairwise", pairwise(failing("abcd", 2)))
run("accumulate", accumulate(failing([1, 2, 3], 1)))
run("cycle", cycle(failing("ab", 1)))
run("compress data", compress(failing("abc", 1), repeat(1)))
run("compress selectors", compress("abc", failing([1, 1, 1], 1)))
run("dropwhile", dropwhile(str.isupper, failing("ABcd", 1)))
run("takewhile", takewhile(str.islower, failing("abcd", 2)))
run("filterfalse", filterfalse(None, failing([0, 0, 1], 1)))
run("starmap", starmap(operator.add, failing([(1, 2), (3, 4)], 1)))
run("groupby", (k for k, g in groupby(failing("aab", 1))))
a, b = tee(failing("abc", 1))
run("tee a", a)
run("tee b", b)
for make in (lambda: product(failing("ab", 1)), lambda: combinations(failing("ab", 0), 1),
             lambda: permutations(failing("ab", 1))):
    try:
        make()
    except Boom as e:
        print("combinatoric input raised", e)


def raiser(exc):
    def f(*args):
        raise exc
    return f


run("accumulate func raises", accumulate([1, 2, 3], raiser(Boom("func"))))
run("dropwhile predicate raises", dropwhile(raiser(Boom("pred")), [1, 2]))
run("takewhile predicate raises", takewhile(raiser(Boom("pred")), [1, 2]))
run("filterfalse predicate raises", filterfalse(raiser(Boom("pred")), [1, 2]))
run("starmap function raises", starmap(raiser(Boom("fn")), [(1,), (2,)]))
run("starmap not iterable", starmap(operator.neg, [(1,), 5, (3,)]))
run("groupby key raises", groupby([1, 2], raiser(Boom("key"))))
run("accumulate func StopIteration", accumulate([1, 2, 3], raiser(StopIteration)))


class BadBool:
    def __bool__(self):
        raise Boom("bool")


class BadEq:
    def __eq__(self, other):
        raise Boom("eq")

    __hash__ = object.__hash__


run("compress selector __bool__", compress("ab", [BadBool(), 1]))
run("takewhile __bool__", takewhile(lambda x: BadBool(), [1]))
run("filterfalse __bool__", filterfalse(None, [BadBool(), 0]))
run("groupby __eq__ outer", (list(g) for k, g in groupby([BadEq(), BadEq(), None])))
run("groupby __eq__ inner", (list(g) for k, g in groupby([BadEq(), BadEq()], key=lambda x: x)))


class BadIndex:
    def __index__(self):
        raise Boom("index")


for args in [(BadIndex(),), (BadIndex(), 5), (1, BadIndex()), (1, 5, BadIndex())]:
    try:
        islice("abc", *args)
    except Exception as e:
        print("islice", type(e).__name__, e)
for make in (lambda: repeat(1, BadIndex()), lambda: combinations("ab", BadIndex()), lambda: tee("ab", BadIndex()),
             lambda: product("ab", repeat=BadIndex())):
    try:
        make()
    except Boom as e:
        print("__index__ raised", e)


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(list(islice(range(100), Index(10), Index(30), Index(7))), list(repeat("i", Index(2))),
      list(combinations("abc", Index(2))), len(tee("ab", Index(3))))


# Re-entry: the input, a key function or __eq__ calling back into the same iterator.
class Reentrant:
    def __init__(self, items):
        self.items = iter(items)
        self.target = None

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self.items)
        if item == "reenter":
            return ("inner", next(self.target, "ended"))
        return item


for name, make in [("chain", chain), ("islice", lambda s: islice(s, 5)), ("zip_longest", zip_longest),
                   ("accumulate", lambda s: accumulate(s, lambda a, b: b)), ("cycle", cycle),
                   ("dropwhile", lambda s: dropwhile(lambda x: False, s)), ("compress", lambda s: compress(s, repeat(1))),
                   ("takewhile", lambda s: takewhile(lambda x: True, s))]:
    source = Reentrant(["a", "reenter", "b", "c"])
    it = make(source)
    source.target = it
    run(name + " re-entered", it)


def key(n):
    if n == 5:
        list(b)
    return n != 6


for k, b in groupby(range(10), key):
    list(b)
print("groupby re-entered by its key function: survived")


class K:
    def __init__(self, v):
        pass

    def __eq__(self, other):
        global calls
        calls += 1
        if calls == 1:
            next(g, None)
        return True


calls = 0
g = next(groupby(range(10), K))[1]
for j in range(2):
    next(g, None)
print("groupby re-entered by __eq__: survived, calls", calls)

# Inputs changed while they are read.
items = [1, 2, 3]
c = chain(items, items)
for x in c:
    if len(items) < 6:
        items.append(x * 10)
print("chain over a growing list", items)
items = [1, 2, 3]
cy = cycle(items)
print("cycle saves the first pass", [next(cy) for _ in range(3)], items.clear(), [next(cy) for _ in range(4)])
pools = [1, 2]
p = product(pools, repeat=2)
pools.append(3)
print("product copies its input", list(p))
d = {"a": 1, "b": 2}
z = zip_longest(d, "xyz")
print(next(z))
d["c"] = 3
try:
    next(z)
except RuntimeError as e:
    print("zip_longest", e)
print(list(z))

# Nested tens of thousands deep (a depth CPython 3.11 survives): an item or a RecursionError.
nesters = [("chain", chain), ("islice", lambda it: islice(it, None)), ("accumulate", accumulate),
           ("dropwhile", lambda it: dropwhile(callable, it)), ("zip_longest", zip_longest),
           ("tee", lambda it: tee(it)[0]), ("cycle", cycle), ("compress", lambda it: compress(it, repeat(1))),
           ("filterfalse", lambda it: filterfalse(callable, it))]
for name, wrap in nesters:
    it = iter([1, 2])
    for _ in range(30000):
        it = wrap(it)
    try:
        next(it)
    except RecursionError:
        pass
    del it
    print(name, "nested 30000 deep: survived")

# Reference cycles through itertools objects are collected.
class Holder:
    pass


class Step(float):
    pass


for name, make in [("chain", lambda h: chain([h])), ("cycle", lambda h: cycle([h])),
                   ("accumulate", lambda h: accumulate([h, 1], lambda a, b: a)),
                   ("groupby", lambda h: groupby([h, h])), ("tee", lambda h: tee([h])[0]),
                   ("zip_longest", lambda h: zip_longest([h], fillvalue=h)), ("product", lambda h: product([h])),
                   ("pairwise", lambda h: pairwise([h, h, h])), ("islice", lambda h: islice([h, h], 1, None)),
                   ("repeat", lambda h: repeat(h)), ("count", lambda h: count(0.5, h.step))]:
    h = Holder()
    h.step = Step(1.5)
    h.step.holder = h
    h.it = make(h)
    next(h.it)
    ref = weakref.ref(h)
    del h
    gc.collect()
    print(name, "cycle collected:", ref() is None)
z = zip_longest("a")
z.__setstate__(z)
del z
gc.collect()
print("a zip_longest filling with itself: done")
