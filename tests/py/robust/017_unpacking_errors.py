# `{**d for x in y}` segfaulted the parser (CPython's test_unpack_ex killed minipy). Each misuse of
# * and ** in displays, comprehensions, targets and calls gets CPython's error.
def report(source, mode="exec"):
    try:
        compile(source, "<s>", mode)
        print("compiled:", source[:40])
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.offset, e.end_offset)


for source in ("{**{} for a in [1]}", "{**x, 1: 2 for a in b}", "[*item for item in l]", "{*x for x in y}",
               "(*x for x in y)", "[*a, *b]", "{**a, **b}", "(*x), y = 1, 2", "(((*x))), y = 1, 2",
               "z, (*x), y = 1, 2, 4", "[(*x), y] = 1, 2", "for (*x), y in z: pass", "(*x) = 1", "*x = 1",
               "*a, *b = c", "a, *b, c = d"):
    report(source)
report(", ".join("a%d" % i for i in range(1 << 8)) + ", *rest = range(1<<8 + 1)")
report(", ".join("a%d" % i for i in range(255)) + ", *rest = range(1<<8 + 1)")


def f(**kwargs):
    return kwargs


class C:
    def m(self, *args, **kwargs):
        return args, kwargs


for call in (lambda: f(x=5, **{"x": 3}), lambda: f(**{1: 3}, **{1: 5}), lambda: f(**{1: 2}), lambda: f(**1),
             lambda: C().m(**1), lambda: C.m(C(), x=1, **{"x": 2}), lambda: len(**1), lambda: f(*1),
             lambda: len(*1), lambda: C().m(*None), lambda: f(1, *2), lambda: [*3], lambda: {**4},
             lambda: print(*"ab", sep=""), lambda: C().m(*(1, 2), **{"k": 3})):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print({**{1: 2}, **{1: 3}}, [*range(3), *"ab"], f(**{"a": 1}, b=2))
