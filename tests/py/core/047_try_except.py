# try/except: catching built-in exceptions by type, `as e`, tuples of types, else, re-raising.
def attempt(fn):
    try:
        result = fn()
    except (ZeroDivisionError, KeyError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
    else:
        print("ok", result)
attempt(lambda: 1 / 0)
attempt(lambda: 10 // 0)
attempt(lambda: 5 % 0)
attempt(lambda: {"a": 1}["b"])
attempt(lambda: [1, 2][5])
attempt(lambda: "abc"[10])
attempt(lambda: int("xyz"))
attempt(lambda: [1].index(9))
attempt(lambda: 2 + 2)
try:
    undefined_name
except NameError as e:
    print("NameError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    try:
        [].pop()
    except IndexError:
        print("inner caught")
        raise
except IndexError as e:
    print("outer caught", e)
try:
    raise ValueError("custom message")
except ValueError as e:
    print("raised:", e)
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError catches", type(e).__name__, e)
try:
    1 / 0
except Exception as e:
    print("Exception catches", type(e).__name__)
def thrower():
    raise IndexError("from function")
try:
    thrower()
except IndexError as e:
    print(e)
