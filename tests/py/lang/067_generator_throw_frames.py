# throw() into a generator: one not started raises at its `def` line (its frame is in the
# traceback); a bare `raise` keeps the thrown exception's traceback; a delegate of `yield from`
# runs with the delegating generator as its caller; assigning to a yield expression is a
# SyntaxError with CPython's hint.
import sys


def names(tb):
    out = []
    while tb:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
        tb = tb.tb_next
    return out


def f():
    try:
        yield
    except Exception:
        raise


for started in (False, True):
    g = f()
    if started:
        next(g)
    try:
        1 / 0
    except ZeroDivisionError as v:
        try:
            g.throw(v)
        except Exception as w:
            print(started, [n for n, _ in names(w.__traceback__)])


def stack():
    frame, out = sys._getframe(1), []
    while frame and frame.f_code.co_name != "<module>":
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def inner():
    print("inner starts under", stack())
    try:
        yield
    except RuntimeError:
        print("inner catches under", stack())
    yield


def outer():
    yield from inner()


gen = outer()
gen.send(None)
gen.throw(RuntimeError)

for src in ["def f(): (yield) = 1", "def f(): (yield from x) = 1", "def f(): x = (yield) = 1",
            "def f(): a, (yield) = 1", "def f(): [(yield)] = 1"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(e.msg)
