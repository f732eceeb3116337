# "Did you mean" after a NameError's or AttributeError's message in a printed traceback (CPython
# 3.11's print_exception): the nearest name by its edit distance, locals first, then globals, then
# builtins; dir(obj) for attributes; none when nothing is near enough. Each snippet runs in a child
# interpreter, whose last line of stderr is printed.
import subprocess
import sys

SNIPPETS = [
    "prnt('x')",
    "lenn([])",
    "Len([])",
    "def f():\n    counter = 1\n    return countr\nf()",
    "def f(alpha, beta):\n    return alpah + beta\nf(1, 2)",
    "value = 1\nvalu",
    "xyzzy_not_close",
    "import math\nmath.sqr(4)",
    "import math\nmath.SQRT",
    "'abc'.uper()",
    "[].apend(1)",
    "{}.itms()",
    "class Point:\n    def __init__(self):\n        self.x_coord = 1\nPoint().x_cord",
    "class C:\n    def __getattr__(self, name):\n        raise AttributeError('custom ' + name)\nC().anything",
    "class P:\n    @property\n    def size(self):\n        raise AttributeError('inner')\n    total = 1\nP().size",
    "raise AttributeError('by hand')",
    "raise AttributeError('named', name='lenght', obj=[])",
    "raise NameError('named', name='pritn')",
    "raise NameError('not a str', name=3)",
    "a_very_long_variable_name_that_goes_on_and_on_for_ever = 1\na_very_long_variable_name_that_goes_on_and_on_for_evr",
    "ab = 1\nabc",
    "x = 1\ny",
    "class D:\n    def __dir__(self):\n        raise ValueError('no dir')\nD().q",
    "class E:\n    def __dir__(self):\n        return ['spam', 3]\nE().spma",
    "try:\n    prnt\nexcept NameError:\n    [].apend",
    "class A:\n    bluch = 1\nclass B:\n    def __getattribute__(self, attr):\n        return A().blich\nB().something",
    "class A:\n    value = 1\nobject.__getattribute__(A(), 'valu')",
    "class A:\n    value = 1\na = A()\ndel a.valu",
]

for code in SNIPPETS:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    print(result.returncode, lines[-1] if lines else "(nothing)")
