# A StopIteration raised by an iterator ends the iteration; what next() raises carries its value
# through enumerate, map, zip and filter (they call the wrapped __next__ directly), while
# iter(callable, sentinel), reversed() and the strict zip end plainly, as in CPython 3.11.


class Stops:
    """Yields 1, 2, then raises StopIteration(42)."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(42)
        return self.n


def drain(name, it):
    try:
        while True:
            print(name, next(it))
    except StopIteration as e:
        print(name, "ends with", repr(e.value), e.args)


drain("iter", Stops())
drain("enumerate", enumerate(Stops()))
drain("map", map(lambda x: x * 10, Stops()))
drain("map2", map(lambda x, y: (x, y), Stops(), Stops()))
drain("zip", zip(Stops()))
drain("zip2", zip(Stops(), [1, 2, 3]))
drain("zip strict", zip(Stops(), [1, 2], strict=True))
drain("filter", filter(None, Stops()))
drain("nested", enumerate(map(str, zip(Stops()))))
drain("callable", iter(Stops().__next__, None))


class E(enumerate):
    pass


drain("subclass", E(Stops()))

# The __next__ methods of the built-in iterators say the same.
for it in (enumerate(Stops()), zip(Stops()), map(abs, Stops()), filter(None, Stops())):
    it.__next__(), it.__next__()
    try:
        it.__next__()
    except StopIteration as e:
        print(type(it).__name__, "__next__ ends with", e.args)


# A generator's return value ends a wrapper over it the same way.
def returns_seven():
    yield 1
    return 7


drain("gen", enumerate(returns_seven()))
drain("gen default", iter([]))
print(next(enumerate(returns_seven()), "d"), next(map(abs, iter([])), "default"))


# `yield from` a wrapper gets the value as its result.
def delegate(it):
    result = yield from it
    print("  yield from result:", result)


print(list(delegate(enumerate(Stops()))))
print(list(delegate(zip(Stops(), "abc"))))


# A StopIteration raised by map's or filter's function ends a loop over it (and list());
# next() sees it with its value.
def f(x):
    if x == 2:
        raise StopIteration("from f")
    return x


print(list(map(f, [1, 2, 3])), list(filter(f, [1, 2, 3])), [x for x in map(f, [3, 2, 1])])
for x in map(f, [1, 2, 3]):
    print("loop", x)
m = map(f, [1, 2, 3])
print(next(m))
try:
    next(m)
except StopIteration as e:
    print("next(m):", e.args)
print(next(m), "(map goes on after it)")
print(sorted(map(f, [5, 4, 2, 1])), tuple(filter(f, [0, 1, 2])), set(map(f, [1, 2])), dict(zip("ab", map(f, [1, 2]))))


# The callable of iter(callable, sentinel) ends it with a plain StopIteration, and it stays ended.
def raiser():
    raise StopIteration("ignored")


ci = iter(raiser, 0)
print(list(ci), next(ci, "done"))


# reversed() over a sequence whose __getitem__ raises IndexError or StopIteration ends there.
class Seq:
    def __init__(self, exc):
        self.exc = exc

    def __len__(self):
        return 5

    def __getitem__(self, i):
        if i == 2:
            raise self.exc
        return i


print(list(reversed(Seq(IndexError))), list(reversed(Seq(StopIteration(3)))))
try:
    list(reversed(Seq(KeyError("other errors pass"))))
except KeyError as e:
    print("KeyError", e)
