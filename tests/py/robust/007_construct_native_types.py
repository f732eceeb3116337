# Calling the type of a built-in object that has no public constructor raises TypeError instead of
# building a broken instance; the constructible ones still construct.
import sys

def gen():
    yield 1

class C:
    def m(self):
        pass

samples = [iter([]), iter(()), iter(""), iter(range(3)), iter({}), iter(set()), {}.keys(), {}.values(),
           {}.items(), gen(), len, [].append, reversed([]), enumerate([]), zip(), map(len, []),
           filter(None, []), NotImplemented, Ellipsis, None, print, type(print), iter({}.items())]
for s in samples:
    t = type(s)
    try:
        r = t()
        print(t.__name__, "->", type(r).__name__)
    except TypeError as e:
        print(t.__name__, "TypeError:", e)
for t in (int, float, str, bytes, list, tuple, dict, set, frozenset, bool, object, range, slice, bytearray):
    try:
        print(t.__name__, repr(t()) if t is not object else "object")
    except TypeError as e:
        print(t.__name__, "TypeError:", e)
