# A finally body or an __exit__ that a return, break or continue runs on its way out is outside
# the try's own handler: if it raises, it runs once, and the exception leaves the statement.
def ret():
    try:
        return 1
    finally:
        print("finally of return")
        raise KeyError("from finally")


def loop_continue():
    for i in range(3):
        try:
            continue
        finally:
            print("finally of continue", i)
            if i == 1:
                raise KeyError(i)


def loop_break():
    while True:
        try:
            break
        finally:
            print("finally of break")
            raise KeyError("break")


def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
            raise ValueError("inner")
    finally:
        print("outer finally runs once too")


def swallowed():
    # the finally's own except handles what its body raises; the return value survives
    try:
        return "kept"
    finally:
        try:
            raise KeyError
        except KeyError:
            print("handled inside finally")


def gen():
    try:
        return True
    finally:
        cancelled = False
        while True:
            try:
                yield 1
                break
            except ValueError:
                cancelled = True
        print("after loop", cancelled)
        if cancelled:
            raise KeyError("cancelled")


class Manager:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit with", exc[0])
        if self.fail:
            raise KeyError("exit")
        return False


def with_return(fail):
    with Manager(fail):
        return "with value"


def with_break(fail):
    for i in range(2):
        with Manager(fail):
            break
    return i


for f in (ret, loop_continue, loop_break, nested, swallowed, lambda: with_return(False),
          lambda: with_return(True), lambda: with_break(False), lambda: with_break(True)):
    try:
        print("returned", f())
    except Exception as e:
        print("raised", type(e).__name__, e)

g = gen()
print(next(g), g.throw(ValueError))
try:
    g.send(None)
except KeyError as e:
    print("generator raised", e)
g = gen()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print("generator returned", e.value)
