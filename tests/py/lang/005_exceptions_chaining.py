# exceptions chaining: checked against CPython 3.11's output.
class AppError(Exception):
    pass
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise AppError("wrapped") from e
try:
    f()
except AppError as e:
    print(type(e.__cause__).__name__, e.args, e.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except (TypeError, KeyError) as e:
        print("caught", repr(e))
        raise
except KeyError as e:
    print("outer", e)
def g():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: return "ret"
        finally:
            print("finally", i)
print(g())
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print(e)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("exit", e.code)
e = None
try:
    try:
        raise ValueError("a")
    finally:
        print("fin")
except ValueError as e2:
    print(e2.__context__)
def h():
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
h()
