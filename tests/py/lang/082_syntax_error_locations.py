# SyntaxErrors of compile() as CPython 3.11 reports them (parser hints such as "expected 'else' after
# 'if' expression" and "':' expected after dictionary key" included): message, lineno, offset, end_lineno,
# end_offset and text. The tokenizer's errors quote the line without its newline, the parser's with
# it, and the compiler's (return outside a function, duplicate arguments, assignments to __debug__)
# quote the line from the file named, so None for "<s>".
import traceback

CASES = [
    'x = (1, 2',
    "print 'hello'",
    'if x\n    pass',
    'def f(:\n    pass',
    '1 +',
    'x = = 1',
    'for x in range(3) print(x)',
    'a b',
    'f(x for x in y, 1)',
    'x = [1, 2,, 3]',
    'return 5',
    'break',
    'continue',
    'def f(a, a): pass',
    'x += 1 = 2',
    'f() = 1',
    '1 = x',
    'del f()',
    '(a, b) += 1',
    'lambda x: yield',
    'x = 1 +* 2',
    'class C(:\n pass',
    'import',
    'from x import',
    'from . import *',
    'def f():\n  x = 1\n   y = 2',
    'if True:\npass',
    '  x = 1',
    "x = 'abc",
    'x = """abc',
    'x = 1e',
    'x = $',
    'a = {1: 2, 3}',
    'f(a=1, 2)',
    'f(a=1, a=2)',
    'def f(*): pass',
    'def f(**k, a): pass',
    'nonlocal x',
    'def f():\n  global x\n  x = 1\n  nonlocal y',
    'x = yield = 3',
    'with open(f) as 1: pass',
    'try:\n  pass\n',
    'try:\n  pass\nfinally:\n  pass\nelse:\n  pass',
    'else: pass',
    'x = (1 for x in y) = 2',
    "assert(x, 'msg') = 1",
    'a, *b, *c = d',
    '*a = b',
    "f'{x!z}'",
    'x = [i for i in]',
    'match x:\n  case 1 +: pass',
    'async = 1',
    'await x',
    'def f(x=1, y): pass',
    '(x := 1) = 2',
    'x.y := 1',
    'True = 1',
    'None += 1',
    '__debug__ = 1',
    'f(x=1 for x in y)',
    'print(1 if 2)',
    'x = {**}',
    'del *x',
    'a if b else',
    'not',
    'x ==== y',
    "'abc' 'def",
    '\\x',
    'pass; ;',
    'def f()\n  pass',
    'while True print(1)',
    'x = 1)',
    'x = ]',
    '{1: 2 for x in y for}',
    'x = a if b',
    'x = a + 1 if b > 2',
    'f(a, b if c, d)',
    'x = [a if b for a in c]',
    'x = not a if b or c',
    'try:\n  pass\nx = 1',
    'a = {1: 2, 3: 4, 5}',
    'a = {1: 2, "x"}',
    'a = {1: 2, f(x)}',
    'a = {1:2, **x, 5}',
    '(a, b) := 1',
    'f(a, x=1 for x in y)',
    '[x := 1] = 2',
    '(a.b := 1)',
    'x = (1 := 2)',
    'def f(x := 1): pass',
    'try:\n  pass\n  x = 1\n',
    'def f():\n  try:\n    pass\n',
    'x = (a if b)',
    'x = [1 if 2 for x in y]',
    '{1, 2: 3}',
    '{1: 2, 3, 4: 5}',
    '{**a, b}',
    '{a: b for a in c, d}',
    '(1 := 2)',
    '(True := 1)',
    '(f() := 1)',
    '([a] := 1)',
    '(a.b.c := 1)',
    'f(x = 1 for x in y)',
    'g(a)(x=1 for x in y)',
    'x = 1 if 2 if 3 else 4',
    'lambda: a if b',
    'x = a if b else',
    '(a < b) = 1',
    '(a if b else c) = 1',
    '(lambda: 1) = 2',
    '(not a) = 1',
    '(a and b) = 1',
    'a < b = 1',
    '(yield) = 1',
    '[x for x in y] = 1',
    '(x for x in y) = 1',
    '(*a) = 1',
]
DEBUG_CASES = ["__debug__ = 1", "x.__debug__ = 1", "del __debug__", "__debug__ += 1", "for __debug__ in x: pass",
 "def f(__debug__): pass", "def __debug__(): pass", "class __debug__: pass", "import __debug__", "import a as __debug__",
 "from a import __debug__", "with a as __debug__: pass", "(__debug__ := 1)", "f(__debug__=1)", "lambda __debug__: 1",
 "def f(*, __debug__): pass", "def f(**__debug__): pass", "a, __debug__ = 1, 2", "global __debug__", "try: pass\nexcept E as __debug__: pass",
 "[__debug__ for __debug__ in x]", "match x:\n case __debug__: pass", "__debug__: int", "x = __debug__", "a[0].__debug__ = 1", "del x.__debug__"]


def report(src, filename="<s>"):
    try:
        compile(src, filename, "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text))
        return e


for src in CASES + DEBUG_CASES:
    report(src)

# The printed form: no source line when the compiler found the error in a string.
for src in ["return 5", "x = 'abc", "x = (1, 2", "def f(a, a): pass", "f(a=1, a=2)"]:
    print("".join(traceback.format_exception_only(report(src))), end="")

# With the name of a file that exists, the compiler quotes that file's line.
e = report("\n\n\nreturn 1", __file__)
print(repr(e.text), e.lineno)
