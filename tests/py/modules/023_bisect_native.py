# The native _bisect (bisect.py takes its functions from it) with CPython's arguments and errors,
# and the __module__ of a module's built-in functions.
import _bisect
import bisect
import math

print(bisect.bisect is _bisect.bisect_right, bisect.bisect_left.__module__, len.__module__,
      math.sqrt.__module__, [].append.__module__)
a = [1, 2, 2, 2, 3, 5]
print(_bisect.bisect_left(a, 2), _bisect.bisect_right(a, 2), _bisect.bisect_right(a, 2, 0, 3))
print(_bisect.bisect_left(a, 4, lo=2), _bisect.bisect_left(a, 4, hi=-1), _bisect.bisect_left(a, 9, 1, None))
print(_bisect.bisect_left(a, 0, 4, 2), _bisect.bisect_right("abcde", "c"), _bisect.bisect_right(range(10), 4.5))
records = [("a", 1), ("b", 3), ("c", 5)]
print(_bisect.bisect_left(records, 3, key=lambda r: r[1]), _bisect.bisect_right(records, 3, key=lambda r: r[1]))
_bisect.insort_left(records, ("d", 3), key=lambda r: r[1])
_bisect.insort_right(records, ("e", 3), key=lambda r: r[1])
print(records)
b = []
for x in [5, 1, 4, 1, 3]:
    _bisect.insort_right(b, x)
print(b)


class Seq(list):
    def insert(self, index, value):
        print("insert", index, value)
        super().insert(index, value)


s = Seq([1, 3])
_bisect.insort_right(s, 2)
print(s)
for call in (lambda: _bisect.bisect_left([1], 1, -1), lambda: _bisect.bisect_left(None, 1),
             lambda: _bisect.bisect_left([1], 1, 0, 1, 2), lambda: _bisect.bisect_left([1], 1, "0"),
             lambda: _bisect.insort_left((), 1), lambda: _bisect.bisect_left([1, "x"], 2)):
    try:
        call()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
