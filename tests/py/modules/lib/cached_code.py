"""A module whose code object holds every kind of constant (tests/py/modules/026_code_cache.py)."""
BIG = 2**100, -(2**70), 123456789012345678901234567890
FLOATS = (2.5, -0.0, 1e300, float("inf"), 3j, -1.5j)
TEXT = ("plain", "été", "\U0001f600", b"by\x00tes", "", b"", "a" * 50)
NESTED = ((1, (2, (3, (4,)))), None, True, False, ...)


def frozen(x):
    return x in {"x", "y", "z", 1, 2.5}


def counter(n):
    """Counts with a try/except/finally in a generator."""
    for i in range(n):
        try:
            if i == 1:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield f"caught {e!r:>12}"
        finally:
            pass


def closure(start):
    def bump(step=1, *args, scale=1, **kw):
        nonlocal start
        start += step * scale
        return start, args, sorted(kw)

    return bump


class Shape:
    """A class body with slots, a property and a class method."""

    __slots__ = ("sides",)

    def __init__(self, sides):
        self.sides = sides

    @property
    def name(self):
        return {3: "triangle", 4: "square"}.get(self.sides, "polygon")

    @classmethod
    def square(cls):
        return cls(4)


def lookup(table, key):
    """Looks «key» up: a docstring that is not ASCII."""
    return table[key] + 1


async def coro():
    return "awaited"


def show():
    import sys

    bump = closure(10)
    coroutine = coro()
    try:
        coroutine.send(None)
    except StopIteration as stop:
        awaited = stop.value
    print(BIG, FLOATS, TEXT, NESTED, sep="\n")
    print(frozen("y"), frozen(3), list(counter(3)), bump(), bump(2, 7, 8, scale=3, k=1), awaited)
    print(Shape.square().name, Shape(3).name, Shape.__doc__, counter.__doc__)
    print(sys.intern("plain") is TEXT[0], counter.__code__.co_varnames, closure.__code__.co_cellvars)
    print(counter.__code__.co_firstlineno, Shape.__init__.__code__.co_firstlineno, __doc__)
    # Read from a cache entry, positions are unpacked only when a traceback needs them.
    import traceback

    try:
        lookup({"a": 1}, "b")
    except KeyError:
        print(traceback.format_exc().replace(__file__, "cached_code.py"), lookup.__doc__)
