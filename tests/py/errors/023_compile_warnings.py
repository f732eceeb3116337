# The warnings CPython 3.11 gives while compiling: SyntaxWarning for `is` with a literal, an
# always-true assert and a call or subscript missing a comma; DeprecationWarning for an invalid
# escape sequence. They go through the warnings module: filters apply, and "error" makes each a
# SyntaxError at the same place.
import warnings

SOURCES = [
    "x = 5\ny = x is 1",
    "x = 5\ny = x is not 'a'",
    "x = 5\ny = 1 is x",
    "x = 5\ny = x is None or x is True or x is ...",
    "x = 5\ny = x is -1",
    "x = 5\ny = x is ()",
    "x = 5\ny = x is (1, 2)",
    "x = 5\ny = 0 < x is 2",
    "x = 5\ny = x == 1",
    "x = 5\nif x is 1: pass",
    "def f(x):\n    return x is 'lit'",
    "x = 5\nassert (x, 'message')",
    "assert (1, 2)",
    "assert ()",
    "assert x, 'message'",
    "y = 'str'()",
    "y = [1](2)",
    "y = [(1, 2) (3, 4)]",
    "y = (1, 2)(3)",
    "y = {1: 2}(3)",
    "y = {1, 2}(3)",
    "y = f'{1}'(2)",
    "y = None(1)",
    "y = (x for x in 'ab')(1)",
    "y = (lambda: 1)()",
    "y = 'abc'.upper()",
    "y = (1, 2)[1, 2]",
    "y = [1, 2][1.0]",
    "y = 'abc'['x']",
    "y = 'abc'[1]",
    "y = 'abc'[1:2]",
    "y = (1, 2)[True]",
    "y = 5[0]",
    "y = None[0]",
    "y = {1, 2}[0]",
    "y = (lambda: 1)[0]",
    "y = [i for i in 'ab'][1.5]",
    "y = {'a': 1}['a']",
    "y = '\\d'",
    "y = b'\\d'",
    "y = '\\777'",
    "y = b'\\400'",
    "y = '\\8 \\q'",
    "y = r'\\d'",
    "y = f'a\\d{1}'",
    "y = '''\n\\d'''",
    "y = '\\n\\t\\x41\\101'",
    "y = 1if 1 else 0",
    "y = [0x1for x in ()]",
    "y = 1jor 0",
    "y = 0o7not in ()",
    "y = 1.and 0",
    "y = 0b1in ()",
]


def show(w):
    return "%s:%s %s: %s" % (w.filename, w.lineno, w.category.__name__, w.message)


for source in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, "<probe>", "exec")
    print(repr(source), [show(w) for w in caught])

print("-- as errors")
for source in SOURCES:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(source, "<probe>", "exec")
        except SyntaxError as e:
            print(repr(source), "SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

print("-- ignored")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore", SyntaxWarning)
    compile("x = 1\ny = x is 1\nz = '\\d'", "<probe>", "exec")
print([show(w) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("error", category=DeprecationWarning)
    warnings.filterwarnings("always", category=SyntaxWarning)
    try:
        compile("y = 1 is 1\nz = '\\d'", "<probe>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
print([show(w) for w in caught])
