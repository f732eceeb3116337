# Checks CPython 3.11 makes while compiling, found by test_grammar / test_named_expressions:
# repeated keywords, parentheses around a comprehension target, yield in comprehensions, annotated
# names declared global, parenthesized annotations, and `break` in a finally that runs for a return.
cases = [
    "f(1, x=2, *(3, 4), x=5)", "f(x=1, y=2, x=3)", "class C(metaclass=1, metaclass=2): pass",
    "[a, b for a, b in c]", "{a, *b for a in c}", "[i := 0, j := 1 for i, j in d]", "(a, b for a in c)",
    "def g(): [(yield x) for x in ()]", "def g(): {(yield x) for x in ()}",
    "def g(): {x: (yield x) for x in ()}", "def g(): ((yield x) for x in ())",
    "def g(): [(yield from x) for x in ()]", "[(yield x) for x in ()]",
    "def g(): [x for x in [(yield 1)]]",
    "def f():\n    x: int\n    global x\n", "def f():\n    global x\n    x: int\n",
    "def f():\n    nonlocal x\n    x: int = 1\n", "global x\nx: int",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg, e.lineno, e.offset, e.end_offset)

def f2():
    (no_such_global): int
    print(no_such_global)
try:
    f2()
except NameError as e:
    print(type(e).__name__, e)

def f3():
    (x): int = 5
    return x
print(f3())

def g1(x):
    for count in [0, 1]:
        count2 = 0
        while count2 < 20:
            count2 += 10
            try:
                return count + count2
            finally:
                if x:
                    break
    return "end", count, count2
print(g1(False), g1(True))

def g2(x):
    for count in [0, 1]:
        for count2 in [10, 20]:
            try:
                return count + count2
            finally:
                if x:
                    continue
    return "end", count, count2
print(g2(False), g2(True))

def g3():
    for i in range(3):
        try:
            try:
                return i
            finally:
                pass
        finally:
            if i < 2:
                continue
    return "done"
print(g3())

class Mapping:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print("setitem", k)
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
ns = Mapping()
exec("x: int = 1\ny: str", {}, ns)
print(ns.d["__annotations__"], ns.d["x"])
