# Each generator and coroutine has its own handled exception (CPython's gi_exc_state): what its
# `except` block handles stays its own across yields, whatever the caller handles meanwhile;
# sys.exc_info(), a bare `raise` and implicit __context__ see it; the caller's comes back on yield.
import sys


def current():
    t = sys.exc_info()[0]
    return t.__name__ if t else None


# 1. The caller's exception is thrown in and caught by the generator: the generator keeps it.
def keeps_thrown():
    try:
        print("start:", current())
        yield 1
    except Exception as exc:
        print("caught:", current(), exc.__context__)
        yield 2
        print("still:", current())
        yield 3
        raise


g = keeps_thrown()
next(g)
try:
    raise ValueError("v")
except Exception as e:
    print("thrown ->", g.throw(e))
print("caller after:", current())
print("next ->", next(g))
try:
    next(g)
except ValueError as e:
    print("re-raised:", repr(e), e.__context__)
print("caller at end:", current())


# 2. A generator with no exception of its own sees its caller's.
def sees_caller():
    while True:
        yield current()


g = sees_caller()
print(next(g))
try:
    raise KeyError("k")
except KeyError:
    print(next(g))
print(next(g))


# 3. Suspended inside `except`: the caller handles other exceptions in between.
def suspended_in_except():
    try:
        raise TypeError("t")
    except TypeError:
        yield current()
        yield current()
        try:
            raise IndexError("i")
        except IndexError as inner:
            yield current(), type(inner.__context__).__name__
        yield current()
    yield current()


g = suspended_in_except()
print(next(g))
try:
    raise OSError("o")
except OSError:
    print(next(g), current())
    print(next(g), current())
print(next(g), current())
print(next(g), current())


# 4. Implicit __context__ inside a generator is its own handled exception, not the caller's.
def raises_in_except():
    try:
        raise LookupError("inner")
    except LookupError:
        yield "in except"
        raise RuntimeError("boom")


g = raises_in_except()
next(g)
try:
    raise ZeroDivisionError("outer")
except ZeroDivisionError:
    try:
        next(g)
    except RuntimeError as e:
        print("context:", repr(e.__context__), "| its context:", repr(e.__context__.__context__))


# 5. Two generators interleaved, each suspended in its own except block.
def owner(exc_type):
    try:
        raise exc_type()
    except exc_type:
        for _ in range(3):
            yield current()


a, b = owner(KeyError), owner(AttributeError)
for pair in zip(a, b):
    print(pair, current())


# 6. yield from: the delegate has its own state, and the delegating generator its own.
def inner():
    yield current()
    try:
        raise NameError("n")
    except NameError:
        yield current()
    yield current()


def outer():
    try:
        raise UnicodeError("u")
    except UnicodeError:
        yield from inner()
        yield current()


print(list(outer()), current())


# 7. Bare raise in a generator with nothing handled anywhere.
def bare():
    yield
    raise


g = bare()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("bare raise:", e)


# 8. Coroutines share the machinery.
class Suspend:
    def __await__(self):
        yield "suspended"


async def coro():
    try:
        raise ArithmeticError("a")
    except ArithmeticError:
        await Suspend()
        return current()


c = coro()
print(c.send(None))
try:
    raise EOFError
except EOFError:
    pass
try:
    c.send(None)
except StopIteration as stop:
    print("coroutine returned:", stop.value, current())
