# None's reference count stays put while instances are made: a class's __init__ returning None
# (inline, without a call through type) left one reference to None per instance (the GIL flavor
# counts None's references, as CPython 3.11 does).
import sys


class WithInit:
    def __init__(self, value=None):
        self.value = value


class Explicit:
    def __init__(self):
        return None


class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = None


for cls in (WithInit, Explicit, Slotted):
    cls()
    before = sys.getrefcount(None)
    for _ in range(1000):
        cls()
    print(cls.__name__, abs(sys.getrefcount(None) - before) < 10)
