# Parenthesized context managers (3.9+): `with (a as x, b as y):` over several lines, a trailing
# comma; `with (a, b):` is two managers, `with (a, b) as t:` one tuple.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

with (CM("a") as x, CM("b") as y):
    print("body", x, y)

with (
    CM("c") as x,
    CM("d"),
    CM("e") as y,
):
    print("body", x, y)

with (CM("f"), CM("g")):
    print("two managers")

with (CM("h")):
    print("one in parentheses")

with (CM("i")) as z:
    print("as after the parentheses", z)

try:
    with (CM("j"), CM("k")) as t:
        print("unreachable", t)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

with (CM("lm") as (p, q)):
    print("unpacked", p, q)

try:
    with (CM("m") as m, CM("n") as n):
        raise KeyError("boom")
except KeyError as e:
    print("caught", e)

for src in ["with (a as b c): pass", "with (a as b,, c): pass", "with (): pass", "with (a as 1): pass"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
