# PEP 678 notes and PEP 654 groups: add_note() makes __notes__ a list and checks its argument;
# split() copies notes only when they are a sequence; a group's message and exceptions are
# read-only; split() of a very deep group is a RecursionError; an except* clause that raises for a
# whole group raises a new ExceptionGroup; __cause__/__context__ take exceptions or None and cannot be
# deleted; the traceback printer shows notes after the exception.
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second\nline")
print(e.__notes__)
for bad in (42, b"x"):
    try:
        e.add_note(bad)
    except TypeError as err:
        print("TypeError:", err)
e.__notes__ = ("a tuple",)
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)

eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
for name in ("message", "exceptions"):
    try:
        setattr(eg, name, None)
    except AttributeError as err:
        print("AttributeError:", name, err)
print(eg.message, eg.exceptions)
eg.add_note("group note")
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__)
eg.__notes__ = 42
match, rest = eg.split(TypeError)
print(hasattr(match, "__notes__"), hasattr(rest, "__notes__"))

deep = TypeError(1)
for _ in range(3000):
    deep = ExceptionGroup("eg", [deep])
for method in ("split", "subgroup"):
    try:
        getattr(deep, method)(TypeError)
    except RecursionError as err:
        print(method, "RecursionError:", err)


def raise_in_clause(match):
    try:
        try:
            raise ExceptionGroup("eg", [TypeError(1), ValueError(2)])
        except* match:
            raise SyntaxError(3)
    except BaseException as err:
        return repr(err)


print(raise_in_clause((TypeError, ValueError)))
print(raise_in_clause(TypeError))
try:
    try:
        raise TypeError(1)
    except* TypeError:
        raise SyntaxError(3)
except SyntaxError as err:
    print("naked:", repr(err))

for name in ("__cause__", "__context__"):
    for attempt in (lambda: setattr(Exception(), name, 1), lambda: delattr(Exception(), name)):
        try:
            attempt()
        except TypeError as error:
            print("TypeError:", error)

err = KeyError("k")
err.add_note("note one")
err.add_note("note two\nsecond line")
group = ExceptionGroup("outer", [err])
group.add_note("about the group")
raise group
