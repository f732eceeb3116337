# itertools is a native module, as in CPython 3.11: every iterator is a real class named
# itertools.X, and each gives CPython's results. This file covers what each one yields, from the
# infinite iterators through those that end with their input to the combinatoric ones.
import itertools
import operator
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat,
                       starmap, takewhile, tee, zip_longest)

print(type(itertools).__name__, itertools.__name__, itertools.__doc__.splitlines()[0])
print(sorted(name for name in dir(itertools) if not name.startswith("__")))
for t in (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise,
          starmap, takewhile, zip_longest, product, permutations, combinations, combinations_with_replacement,
          itertools._grouper, itertools._tee, itertools._tee_dataobject):
    print(t.__name__, t.__module__, t.__qualname__, isinstance(t, type), repr(t))
print(callable(tee), tee.__name__, type(tee).__name__)

# The infinite ones.
print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(-3, 2), 4)))
print(list(islice(count(2.5, 0.5), 3)), list(islice(count(1, 1j), 3)), list(islice(count(step=-1), 3)))
big = 2 ** 70
print(list(islice(count(big), 2)), list(islice(count(9223372036854775806), 3)), list(islice(count(0, big), 3)))
print([type(x).__name__ for x in islice(count(10, 1.0), 2)], [type(x).__name__ for x in islice(count(True), 2)])
print(list(islice(cycle("abc"), 8)), list(cycle("")), list(islice(cycle([1]), 3)))
print(list(repeat("x", 3)), list(repeat("x", 0)), list(repeat("x", -4)), list(islice(repeat(None), 2)))
print(list(repeat(object=7, times=2)), list(zip(range(3), repeat("r"))))

# Those that end with their input.
print(list(accumulate([1, 2, 3, 4])), list(accumulate("abc")), list(accumulate([])), list(accumulate([5])))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([1, 2], initial=10)), list(accumulate([], initial=0)), list(accumulate([1, 2], None, initial=None)))
print(list(chain("ab", [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(["xy", "z"])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("ABC", [0, 1, 1, 1, 1])),
      list(compress(data="AB", selectors=[True, True])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [0, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])),
      list(filterfalse(bool, [0, 2])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, [[1, 2], "ab", iter((3, 4))])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", None)), list(islice("ABC", 1, 99, 5)))
print(list(islice(range(100), 10, 20, 3)), list(islice(range(10), 3, 3)), list(islice(count(), 1, 10, 2 ** 62)))
print(list(pairwise("abcde")), list(pairwise("a")), list(pairwise([])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([])),
      list(zip_longest("ab", range(3), [None])))
for key, group in groupby("AAAABBBCCDAABBB"):
    print(key, list(group), end="; ")
print()
print([(k, len(list(g))) for k, g in groupby(sorted("abracadabra"))])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
print([k for k, g in groupby([])], [list(g) for k, g in groupby([1.0, 1, True, 2])])
a, b = tee("abc")
print(next(a), list(b), list(a), type(a).__name__, tee("xy", 3)[2].__class__ is a.__class__, tee("q", 0))
a, b, c = tee(range(200), 3)
print(sum(a), list(islice(b, 2)), list(c)[-2:], list(b)[:2])

# The combinatoric ones.
print(list(product("AB", "xy")), list(product(range(2), repeat=2)), list(product()), list(product("ab", [])))
print(list(product("ab", repeat=0)), len(list(product(range(3), repeat=4))))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("ab", 3)),
      list(permutations([])))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)),
      list(combinations("ab", 5)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 2)),
      list(combinations_with_replacement("", 0)), list(combinations_with_replacement("a", 3)))

# Reprs: count and repeat show their state; the others are plain objects.
c = count(3)
print(repr(c), next(c), repr(c), repr(count(2.5, 1)), repr(count(1, 2)), repr(count(1, 1.0)), repr(count(big)))
print(repr(count(-9, 0)), repr(count(True)), repr(count(2, True)), repr(count(10.5, 1.25)))
r = repeat("a", 2)
print(repr(r), next(r), repr(r), repr(repeat([1])), repr(repeat(1, -3)), list(r), repr(r))
print(repr(chain()).startswith("<itertools.chain object at 0x"), repr(tee("a")[0]).startswith("<itertools._tee object"))
print(operator.length_hint(repeat(None, 5)), operator.length_hint(repeat(None)), operator.length_hint(repeat(0, -1)))
print(repeat(1, 3).__length_hint__(), [it is iter(it) for it in (count(), chain(), tee("a")[0], product())])
