# math's integer functions take any object with __index__ (CPython's PyNumber_Index); comb(n, k)
# counts with min(k, n - k); floor/ceil ask the type, not the instance, for __floor__/__ceil__; and
# two-argument functions convert their first argument first.
import math


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class NoIndex:
    pass


calls = [
    (math.gcd, (Idx(120), Idx(84))), (math.gcd, (Idx(12), 18, Idx(-30))), (math.lcm, (Idx(4), 6)),
    (math.isqrt, (Idx(1729),)), (math.factorial, (Idx(6),)), (math.comb, (Idx(10), Idx(3))),
    (math.perm, (Idx(5), Idx(2))), (math.perm, (Idx(5),)), (math.comb, (10**30, 10**30)),
    (math.comb, (10**30, 10**30 - 2)), (math.comb, (10**30, 10**20)), (math.perm, (10**30, 10**20)),
    (math.comb, (5, 7)), (math.perm, (5, 7)), (math.comb, (-1, 2)), (math.comb, (5, Idx(-1))),
    (math.gcd, (NoIndex(), 2)), (math.isqrt, (2.0,)), (math.factorial, (Idx(-1),)), (math.lcm, ("3",)),
]
for f, args in calls:
    try:
        r = f(*args)
        print(f.__name__, r if r < 10**40 else len(str(r)))
    except (TypeError, ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)


class NoCeil:
    pass


t = NoCeil()
t.__ceil__ = lambda *a: 42
t.__floor__ = lambda *a: 42
for f in (math.ceil, math.floor):
    try:
        print(f(t))
    except TypeError as e:
        print(f.__name__, "TypeError", e)


class Ceil:
    def __ceil__(self):
        return "ceil"

    def __floor__(self):
        return "floor"


print(math.ceil(Ceil()), math.floor(Ceil()))


class F:
    def __float__(self):
        print("converted")
        return 1.0


for func in (math.atan2, math.copysign, math.remainder, math.nextafter, math.fmod, math.pow):
    try:
        func("not a number", F())
    except TypeError as e:
        print(func.__name__, "TypeError", e)
