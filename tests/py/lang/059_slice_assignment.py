# Slice assignment to lists: same-size, growing and shrinking simple slices, extended slices, the
# list assigned into itself, every kind of source, errors, and when replaced items are released.


def show(label, value):
    print(label, value)


def assign(a, index, value):
    try:
        a[index] = value
        return a
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


base = list(range(8))

# Simple slices: same size, growing, shrinking, empty, out of range, reversed bounds.
for index, value in [
    (slice(None, 3), [10, 11, 12]),
    (slice(2, 5), (20, 21, 22)),
    (slice(1, 3), [30, 31, 32, 33]),
    (slice(1, 6), [40]),
    (slice(3, 3), [50, 51]),
    (slice(5, 2), [60]),
    (slice(-3, None), []),
    (slice(100, 200), [70, 71]),
    (slice(-100, 2), "ab"),
    (slice(None, None), []),
    (slice(0, 8, 1), range(8, 0, -1)),
]:
    show((index.start, index.stop, index.step), assign(list(base), index, value))

# The fannkuch flip: a prefix replaced by itself reversed, for every permutation of six items.
import itertools

total_flips = max_flips = 0
for p in itertools.permutations(range(6)):
    perm = list(p)
    flips = 0
    k = perm[0]
    while k:
        perm[: k + 1] = perm[k::-1]
        flips += 1
        k = perm[0]
    total_flips += flips
    max_flips = max(max_flips, flips)
show("flips", (total_flips, max_flips, perm))

# Extended slices: matching sizes, mismatches, negative steps, empty ones.
for index, value in [
    (slice(None, None, 2), "abcd"),
    (slice(1, None, 3), [True, False, None]),
    (slice(None, None, -1), tuple(range(8))),
    (slice(6, 0, -2), [1, 2, 3]),
    (slice(None, None, 2), [1, 2, 3]),
    (slice(None, None, -3), [1]),
    (slice(5, 5, 2), []),
    (slice(5, 5, 2), [1]),
    (slice(None, None, 2), 5),
    (slice(0, 3), 5),
    (slice(0, 3), None),
]:
    show((index.start, index.stop, index.step), assign(list(base), index, value))

# The list itself as the source.
for index in [slice(None), slice(2, 4), slice(1, 7), slice(None, None, -1), slice(None, None, 2), slice(3, 3)]:
    a = list(range(5))
    show(("self", index.start, index.stop, index.step), assign(a, index, a))

# Every kind of source: generators, sets, dicts and their views, strings, bytes, subclasses.
class MyList(list):
    def __iter__(self):
        return iter(["from __iter__"])


class MyTuple(tuple):
    pass


for value in [
    (x * x for x in range(3)),
    {7},
    {"k": 1, "j": 2},
    {"k": 1}.values(),
    b"xy",
    MyList([1, 2, 3]),
    MyTuple((4, 5)),
    iter([6]),
    range(0),
]:
    show(type(value).__name__, assign(list(base[:4]), slice(1, 3), value))

# A source that fails partway leaves the list unchanged.
def failing():
    yield 1
    raise RuntimeError("source failed")


a = list(base)
show("failing", assign(a, slice(0, 2), failing()))
show("unchanged", a)

# Bounds from __index__, and a step of zero.
class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


show("__index__", assign(list(base), slice(Index(1), Index(3)), "xy"))
show("step 0", assign(list(base), slice(None, None, 0), []))
show("step 0", assign(list(base), slice(None, None, 0), 5))


# A TypeError from __iter__ becomes the assignment's own; one raised while iterating does not.
class BadIter:
    def __iter__(self):
        raise TypeError("from __iter__")


def raises_type_error():
    raise TypeError("while iterating")
    yield 1


show("bad __iter__", assign(list(base), slice(0, 1), BadIter()))
show("bad __iter__", assign(list(base), slice(0, None, 2), BadIter()))
show("raising source", assign(list(base), slice(0, 1), raises_type_error()))

# Replaced items are released after the list holds its new items: each __del__ sees the list whole.
class Witness:
    def __init__(self, name, target):
        self.name = name
        self.target = target

    def __del__(self):
        print("released", self.name, "list now", [getattr(x, "name", x) for x in self.target])


target = []
target.extend([Witness("w%d" % i, target) for i in range(4)])
target[1:3] = ["a", "b"]
print("same size done")
target[0:1] = ["c", "d", "e"]
print("grown done")
target[4:6] = []
print("shrunk done")
target[0] = Witness("w4", target)
target[::2] = [1, 2]
print("extended done")
del target[:]
print("cleared")
