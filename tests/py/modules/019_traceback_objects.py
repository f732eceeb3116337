# Traceback objects as CPython's traceback.py and unittest use them: one chain per exception,
# outermost entry first, tb_next settable (unittest cuts its own frames off), frames and code
# objects behind each entry, and with_traceback / __traceback__ moving chains between exceptions.
import sys
import traceback
import types


def inner():
    raise ValueError("deep")


def middle():
    inner()


def outer():
    middle()


try:
    outer()
except ValueError as e:
    exc = e

tb = exc.__traceback__
print(type(tb).__name__, tb is exc.__traceback__, isinstance(tb, types.TracebackType))
names = []
t = tb
while t is not None:
    names.append((t.tb_frame.f_code.co_name, t.tb_lineno - t.tb_frame.f_code.co_firstlineno))
    t = t.tb_next
print(names)
print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
print([(s.name, s.line) for s in traceback.extract_tb(tb)])
print(tb.tb_frame.f_globals is globals(), tb.tb_lasti >= 0, tb.tb_frame.f_code.co_filename == __file__)
print(tb.tb_next.tb_frame.f_code.co_qualname, tb.tb_next.tb_frame.f_lineno == tb.tb_next.tb_lineno)

# Cutting the chain: what unittest's _clean_tracebacks does.
tb.tb_next.tb_next = None
print([f.f_code.co_name for f, _ in traceback.walk_tb(exc.__traceback__)])
lines = traceback.format_exception(exc)
print(len(lines), lines[0].strip(), lines[-1].strip())

for bad in (tb, 5):
    try:
        tb.tb_next.tb_next = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del tb.tb_next
except TypeError as e:
    print("TypeError", e)
try:
    tb.tb_lineno = 3
except AttributeError as e:
    print("AttributeError", e)

# An exception caught and re-raised in the same frame keeps adding entries to the same chain.
def reraiser():
    try:
        inner()
    except ValueError:
        raise


try:
    reraiser()
except ValueError as e:
    print([s.name for s in traceback.extract_tb(e.__traceback__)])

# with_traceback, __traceback__ = None, and a traceback made by hand.
other = RuntimeError("moved").with_traceback(tb)
print(other.__traceback__ is tb)
other.__traceback__ = None
print(other.__traceback__)
try:
    other.__traceback__ = 3
except TypeError as e:
    print("TypeError", e)
frame = sys._getframe()
made = types.TracebackType(None, frame, 0, 42)
print(made.tb_frame is frame, made.tb_next, made.tb_lineno, made.tb_lasti)
try:
    types.TracebackType(5, frame, 0, 1)
except TypeError as e:
    print("TypeError", e)
try:
    raise KeyError("k").with_traceback(made)
except KeyError as e:
    chain = []
    t = e.__traceback__
    while t:
        chain.append(t is made)
        t = t.tb_next
    print(chain)

# sys.exc_info() and the frames behind sys._getframe.
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals)


def caller():
    local_value = 1
    return where()


print(caller())
try:
    1 / 0
except ZeroDivisionError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, tb is value.__traceback__, tb.tb_next)
