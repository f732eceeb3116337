# ast.parse + ast.dump with positions (col_offset in UTF-8 bytes), ctx objects, Constant kinds,
# f-strings, compound-statement ends, and the parse modes eval/single/func_type.
import ast

SOURCE = '''\
"""Module doc."""
from . import a as b, c
import os.path as p
@deco(1)
async def f(x: int, /, y=2, *args, z, w=3, **kw) -> "r":
    global g
    async with a as (b, c), d:
        await x
    async for i in y:
        yield i
    return (yield from z)
class C(B, metaclass=M):
    v: int = 1
    def m(self): del self.x, self[0]
s = 'é' + u"ü" + b"\\x00".decode() + f"{s!r:>{w}} ü {t=}"
t = (1, 2.5, 3j, ..., None, True) if a else [x for x in y if x]
u = {k: v for k, v in d.items()} | {*a, *b} | {1: 2, **e}
v = lambda a, *, b=1: a[1:2, ::3] @ b
try:
    pass
except* ValueError as e:
    raise X from e
else:
    x += 1
finally:
    while x:
        break
match p:
    case [1, *rest] | {"k": _, **kw} if rest:
        pass
    case Point(x=0, y=None) as q:
        continue
with (open(a) as f, open(b)):
    x = y = not -z ** 2 < 3 <= 4
'''

tree = ast.parse(SOURCE)
print(ast.dump(tree, include_attributes=True))
print(ast.dump(tree.body[4], indent=2))
print(ast.dump(ast.parse("x + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1; y", mode="single"), indent=1))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("x", feature_version=(3, 8))))
load1 = tree.body[0].value
print(type(load1).__name__, load1.lineno, load1.col_offset, load1.end_lineno, load1.end_col_offset)
names = [n for n in ast.walk(tree) if isinstance(n, ast.Name)]
print(len(names), names[0].ctx is names[1].ctx or type(names[0].ctx).__name__)
print(ast.get_docstring(tree), ast.get_docstring(tree.body[4]))
print(ast.get_source_segment(SOURCE, tree.body[6].value))
print(ast.get_source_segment(SOURCE, tree.body[4].body[1], padded=True).splitlines()[0])
