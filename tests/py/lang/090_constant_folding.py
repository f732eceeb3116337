# Operations on constants are folded at compile time, as CPython's AST optimizer folds them: equal
# folded constants of one code object are one object, `is` with a folded literal warns, and what
# could be huge (big ints from *, ** and <<, long strings, bytes and tuples from *) or raises is
# left to run time.
import dis
import warnings


def consts(source):
    code = compile(source, "<folding>", "eval")
    return [c for c in code.co_consts if c is not None]


for source in ["2**63", "-2**63", "1 + 2 * 3", "(1, 2) + (3,)", "'ab' * 3", "b'ab' * 2", "10 // 3", "7 % 3",
               "2.5 * 4", "1 / 4", "1 << 10", "-(-5)", "+7", "~5", "~-(1 << 64)", "(1j + 2) * 2", "-(1j)",
               "'%s' % 'x'", "1 / 0", "'a' + 1", "2**129", "2**128", "3**80", "1 << 128", "1 << 127",
               "'x' * 4097", "'x' * 4096", "(1,) * 257", "(1,) * 256", "((1, 2),) * 400", "2**-1",
               "-(2**63) // 1", "True + True", "True & False", "'a' 'b' * 2", "2 ** 0.5", "(0,) * -1",
               "1e308 * 10", "(1, (2, 3)) * 2", "0 ** 0", "[1] * 3", "~1.5"]:
    c = consts(source)
    shown = [x if not isinstance(x, (str, bytes, tuple)) or len(x) < 12 else (type(x).__name__, len(x)) for x in c]
    print(f"{source:22} {shown}")

big = (-2**63) is -2**63
print(big, ((('123'.rsplit('{}') and -2**63) is -2**63)))
a = 10**20 + 1
b = 10**20 + 1
print(a is b, 'ab' * 2 is 'abab')


def f():
    return 2**100 * 3, 'ok' * 3, -(1 << 10)


print(f(), f()[0] is f()[0], [c for c in f.__code__.co_consts if c is not None])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile("x is 2**3", "<w>", "eval")
    compile("x is not (1, 2) + (3,)", "<w>", "eval")
    compile("x is -1", "<w>", "eval")
    compile("x is 1 / 0", "<w>", "eval")
print([str(w.message) for w in caught])
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
