# CPython 3.11 hashes a float NaN by the object's identity (so distinct NaNs spread over a dict's
# slots), a complex with a NaN part likewise; and iter() of a str is a str_ascii_iterator for an
# ASCII str, a str_iterator for any other, the two alike otherwise.
import pickle
import sys

nan = float("nan")
other = float("nan")
print(hash(nan) == hash(nan), hash(nan) == hash(other), hash(nan) == object.__hash__(nan))
print(hash(float("inf")), hash(-float("inf")), hash(1.5), hash(2.0) == hash(2), sys.hash_info.nan)
c = complex(nan, 1)
print(hash(c) == hash(c), hash(c) != hash(complex(nan, 1)), hash(complex(1, 2)) == hash(1 + 2j))
d = {}
for _ in range(1000):
    d[float("nan")] = 1
print(len(d), d.get(nan), {nan: 1}[nan], nan in {nan}, float("nan") in {nan})


class F(float):
    pass


f = F("nan")
print(hash(f) == object.__hash__(f), hash(F(2.5)) == hash(2.5))

for s in ["abc", "日本", "", "a😀b"]:
    it = iter(s)
    print(repr(s), type(it).__name__, list(it), type(iter(s)).__name__ == type(iter(s * 2)).__name__)
it = iter("héllo")
next(it)
print(it.__length_hint__(), it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
it = iter("hello")
next(it)
print(it.__length_hint__(), it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
print(type(iter("x")) is not type(iter("é")), type(iter("é")).__qualname__)
