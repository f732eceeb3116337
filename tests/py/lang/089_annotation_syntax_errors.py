# Under `from __future__ import annotations` an annotation may hold no yield, await or :=, and an
# annotated target may not be __debug__ (an attribute's either); CPython's messages and positions.
SOURCES = [
    "test: (yield)",
    "test.test: (yield a + b)",
    "test[something]: (yield from x)",
    "def func(test: (yield from outside_of_generator)): pass",
    "def test() -> (await y): pass",
    "async def test() -> something((a := b)): pass",
    "test: await some.complicated[0].call(with_args=True or 1 is not 1)",
    "def f(x: [y for y in (yield)]): pass",
    "x: int = 1",
    "def f(a: lambda: (yield)): pass",
]
for future in (True, False):
    for src in SOURCES:
        text = ("from __future__ import annotations\n" if future else "") + src
        try:
            compile(text, "<s>", "exec")
            print("compiles:", future, src)
        except SyntaxError as e:
            print(future, src, "->", e.msg, e.lineno, e.offset, e.end_offset)

for src in ["object.__debug__: int", "object.__debug__: int = 1", "x.__debug__ = 1", "x.__debug__ += 1",
            "__debug__: int", "del x.__debug__"]:
    try:
        compile(src, "<s>", "exec")
        print("compiles:", src)
    except SyntaxError as e:
        print(src, "->", e.msg, e.lineno, e.offset)
