# Range iterators pickle and copy at every position, also when the range's stop lies beyond int64
# (the reduced range is computed in ints) and for longrange_iterator; a range whose stop is within
# a step of int64's end iterates as a longrange_iterator, as CPython's, so types survive a round trip.
import copy
import pickle

M = 2 ** 63
cases = [(13,), (0, 11), (-22, 10), (20, 3, -1), (-2, 2, 2), (M - 3, M - 1), (4 * M, 4 * M + 2), (M - 2, M - 1, 2),
         (-M + 1, -M, -2), (1, 2, M - 1), (-1, -2, -M), (1, M - 1, M - 1), (-1, -M, -M), (2 ** 70, 2 ** 70 + 5)]
for t in cases:
    it = iter(range(*t))
    data = list(range(*t))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(it, proto))
        assert type(again) is type(it) and list(again) == data, (t, proto)
    first = next(it, None)
    state = it.__reduce__()
    print(t, type(it).__name__, first, state[1][0], state[2], list(copy.copy(it)) == data[1:])
big = iter(range(2 ** 65, 2 ** 65 + 10, 3))
print(big.__length_hint__(), next(big), big.__length_hint__())
big.__setstate__(2)
print(next(big), big.__reduce__()[2])
big.__setstate__(-5)
print(next(big))
big.__setstate__(100)
print(list(big), big.__length_hint__())
small = iter(range(2 ** 32 + 2))
small.__setstate__(2 ** 32 + 1)
print(small.__reduce__()[2], next(small))
try:
    big.__setstate__("x")
except TypeError as e:
    print("TypeError:", e)
