# gen.throw() with a class, a class and a value (instance, tuple of arguments, other value), an
# instance, a traceback; a class whose construction fails or gives no exception throws the TypeError
# (or the construction's own exception) into the generator; argument errors.
import sys


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


class Bad(Exception):
    def __init__(self, *a):
        raise KeyError("in init")


def boring():
    yield


def catcher():
    try:
        yield 1
    except Exception as e:
        print("  caught", type(e).__name__, e.args)
        yield 2


def throw(*args):
    g = catcher()
    next(g)
    try:
        print("  ->", g.throw(*args))
    except Exception as e:
        print("  raised", type(e).__name__, e)
    g.close()


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError", e)
try:
    next(g)
except StopIteration:
    print("finished")

for args in [(E,), (Bad,), (ValueError, (1, 2)), (ValueError, 5), (ValueError, ValueError("x")),
             (LookupError, KeyError("k")), (KeyError, LookupError("k")), (ValueError, None, None),
             (ValueError, ()), (ValueError, [1, 2]), (ValueError("inst"),), (ValueError("inst"), None)]:
    print(args)
    throw(*args)

for args in [(1,), (ValueError("a"), 1), (ValueError, 1, 5), (int,), ("x",), (ValueError, None, "tb")]:
    print(args)
    throw(*args)

g = catcher()
for args in [(), (1, 2, 3, 4)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print(e)

# A traceback passed along becomes the exception's __traceback__.
try:
    1 / 0
except ZeroDivisionError:
    tb = sys.exc_info()[2]


def keep():
    try:
        yield
    except ZeroDivisionError as e:
        print("tb kept:", e.__traceback__ is not None, e.__traceback__.tb_next is tb)
        yield


g = keep()
next(g)
g.throw(ZeroDivisionError, None, tb)
g.close()

# An exception leaving the generator ends it.
g = catcher()
next(g)
g.close()
g = boring()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    print("out:", repr(e))
print(next(g, "ended"))


# Unraisable: a generator that ignores GeneratorExit when collected.
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            pass


seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value)))
g = stubborn()
next(g)
del g
print(seen)
