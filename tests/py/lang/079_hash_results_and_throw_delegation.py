# hash() of an object whose __hash__ returns an int too big for a machine word is that int's hash
# (CPython's slot_tp_hash), and `yield from` passes throw()'s arguments, unchecked, to a delegate
# that is an iterator with a throw method (CPython's _gen_throw).


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v


class BigInt(int):
    pass


for v in (2**64, -2**65, 2**61 - 1, 2**61, 2**63 - 1, -2**63, 2**63, -1, True, BigInt(5), BigInt(2**70), 1.5, "1"):
    try:
        print(repr(v), hash(H(v)), hash(H(v)) == hash(v) or v == -1)
    except TypeError as e:
        print(repr(v), e)
key = H(2**100)
print({key: "x"}[key], {key} == {key})


class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, *args):
        print("throw", args)
        if args[0] is ValueError:
            raise ValueError("from the delegate")
        if args[0] == "stop":
            raise StopIteration("the result")
        return 456


def gen():
    result = yield from Iter()
    print("yield from gave", result)
    yield "after"


for args in ((123,), (ZeroDivisionError,), (ZeroDivisionError, "v"), (KeyError("k"),), (ValueError,), ("stop",)):
    g = gen()
    next(g)
    try:
        print(g.throw(*args))
    except Exception as e:
        print(type(e).__name__, e)
g = gen()
next(g)
g.close()
print("closed without throw")


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 2


def gen2():
    try:
        yield from NoThrow()
    except KeyError as e:
        print("caught in gen2", repr(e))
        yield "handled"


g = gen2()
next(g)
print(g.throw(KeyError))
try:
    g = gen2()
    next(g)
    g.throw(123)
except TypeError as e:
    print(e)
