# gen.throw(type, value, tb) throws `value` itself when it is already an instance of `type` (what
# contextlib's __exit__ does with the exception it caught), and a with-statement's __exit__ gets the
# exception's traceback: together they keep tracebacks and __context__ right through @contextmanager.
import contextlib
import sys


def gen():
    try:
        yield 1
    except Exception as e:
        yield e


def thrown(*args):
    g = gen()
    next(g)
    return g.throw(*args)


orig = KeyError("k")
got = thrown(KeyError, orig, None)
print(got is orig, repr(got), repr(got.__context__))
print(repr(thrown(ValueError, "text")), repr(thrown(LookupError, KeyError("sub"))))
print(repr(thrown(ValueError, ("a", "b"))), repr(thrown(ValueError)), repr(thrown(OSError(2, "gone"))))
for args in ((KeyError("x"), "v"), (KeyError, None, 5), (5,)):
    try:
        thrown(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
g = gen()
next(g)
print(g.throw(ValueError, None, tb).__traceback__.tb_next is tb)


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print(kind.__name__, type(tb).__name__, tb is value.__traceback__, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno)
        return True


with Manager():
    [][1]


@contextlib.contextmanager
def cm():
    try:
        yield
    except ZeroDivisionError as e:
        print("caught", repr(e), repr(e.__context__))
        raise


try:
    with cm():
        1 / 0
except ZeroDivisionError as e:
    print(repr(e.__context__), [f.f_code.co_name for f, _ in __import__("traceback").walk_tb(e.__traceback__)])
print(sys.exc_info())
