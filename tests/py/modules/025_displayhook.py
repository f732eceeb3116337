# sys.displayhook shows the value of an expression statement compiled in "single" mode (the REPL's,
# doctest's), keeping it as builtins._; replacing it changes what is shown; doctest relies on it.
import builtins
import doctest
import sys

print(sys.displayhook is sys.__displayhook__)
exec(compile("6 * 7", "<input>", "single"))
print(builtins._)
exec(compile("None", "<input>", "single"))
print(builtins._)
seen = []
sys.displayhook = seen.append
exec(compile("'shown'", "<input>", "single"))
exec(compile("[1, 2]", "<input>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)
sys.__displayhook__("direct")
print(builtins._)
try:
    sys.displayhook()
except TypeError as e:
    print("TypeError:", e)


def double(n):
    """
    >>> double(2)
    4
    >>> [double(i) for i in range(3)]
    [0, 2, 4]
    >>> double(1)  # doctest: +ELLIPSIS
    2...
    """
    return 2 * n


results = doctest.testmod(sys.modules[__name__], report=False, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
print(results)
