# len() of an object whose __len__ returns a negative number (however large: ValueError before
# OverflowError), a huge one, a float, an __index__ object, a bool or a str, as CPython's slot_sq_length.
import sys
class L:
    def __init__(self, v): self.v = v
    def __len__(self): return self.v
class Idx:
    def __index__(self): return -3
for v in [5, -1, -sys.maxsize - 10, sys.maxsize + 1, 2.5, Idx(), True, "x"]:
    try:
        print(len(L(v)))
    except Exception as e:
        print(type(e).__name__, e)
