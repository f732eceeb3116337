# list.index/tuple.index clamp start and stop of any size (CPython's _PyEval_SliceIndex); a
# __length_hint__ that overflows with the items already there is ignored, as CPython's list_extend
# ignores it, while list(range(10**15)) is still a MemoryError at once.
import sys
a = [-2, -1, 0, 0, 1, 2]
print(a.index(0, -4*sys.maxsize, 4*sys.maxsize), a.index(0, 3, 2**100), tuple(a).index(0, -2**100), tuple(a).index(1, 2**70 * -1, 2**70))
try: a.index(0, 10**30)
except ValueError as e: print(e)
class CustomIter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
    def __length_hint__(self): return sys.maxsize
b = [1, 2, 3, 4]
b.extend(CustomIter()); print(b)
try: list(range(10**15))
except MemoryError: print("MemoryError")
