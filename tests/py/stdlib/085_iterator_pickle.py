# The built-in iterators pickle and copy where they stand: __reduce__ and __setstate__ as CPython's.
import copy
import pickle


def check(name, it, steps=1):
    for _ in range(steps):
        next(it, None)
    print(name, list(pickle.loads(pickle.dumps(it))), list(copy.copy(it)), list(it))


check("list", iter([1, 2, 3]))
check("list done", iter([1]), 2)
check("tuple", iter((1, 2, 3)), 2)
check("str", iter("h\u00e9llo \u2713"), 2)
check("str ascii", iter("hello"))
check("range", iter(range(2, 20, 3)), 2)
check("reversed range", reversed(range(5)))
check("bytes", iter(b"abc"))
check("bytearray", iter(bytearray(b"xyz")), 2)
check("dict keys", iter({1: "a", 2: "b", 3: "c"}))
check("dict values", iter({1: "a", 2: "b"}.values()))
check("dict items", iter({1: "a", 2: "b"}.items()))
check("dict reversed", reversed({1: "a", 2: "b", 3: "c"}))
check("set", iter({7}), 0)
check("set done", iter({7}), 1)
check("frozenset", iter(frozenset([5])), 0)
check("enumerate", enumerate("abc", 10))
check("zip", zip("abc", [1, 2, 3]))
check("map", map(abs, [-1, -2, -3]))
check("filter", filter(None, [0, 1, 0, 2, 3]))
check("reversed list", reversed([1, 2, 3]))
check("reversed str", reversed("abc"))
check("reversed done", reversed("a"), 2)


class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i


check("getitem", iter(Seq()))
print([type(x).__name__ for x in iter([1, 2]).__reduce__()[1]], iter([1, 2]).__reduce__()[2])
print(iter((1, 2)).__reduce__()[1:], iter(b"ab").__reduce__()[1:])
it = iter(range(3, 9, 2))
next(it)
print(it.__reduce__()[1:])
it = iter("ab\u00e9c")
next(it)
next(it)
print(it.__reduce__()[1:])
done = iter([1])
next(done, None)
next(done, None)
print(done.__reduce__()[1:], iter(()).__reduce__()[1:])
print(sorted(iter({1, 2, 3}).__reduce__()[1][0]))
print(iter({"k": 1}).__reduce__()[1], enumerate("a", 3).__reduce__()[0].__name__)

# __setstate__ moves a fresh iterator, clamping the index as CPython.
for index in (2, -5, 10):
    it = iter([1, 2, 3])
    it.__setstate__(index)
    print(index, list(it))
it = iter(range(10))
it.__setstate__(7)
print(list(it))
it = iter("h\u00e9llo")
it.__setstate__(1)
print(list(it))
it = iter(b"abc")
it.__setstate__(2)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(1)
print(list(it))
try:
    iter([1]).__setstate__("a")
except TypeError as e:
    print("TypeError:", e)

# __length_hint__ of the set and bytes iterators.
it = iter({1, 2, 3})
next(it)
print(it.__length_hint__(), iter(b"abcd").__length_hint__(), iter(bytearray(b"ab")).__length_hint__())
