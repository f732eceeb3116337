# ast.unparse of parsed source, NodeVisitor, walk, iter_fields, and dump of hand-made nodes.
import ast

source = '''
@decorator
class K(Base, metaclass=Meta):
    """Doc."""
    x: "int" = 1
    async def go(self, *a, k=1, **kw):
        async for i in a:
            await i
        return [j async for j in self] or {1, 2} and (3, 4)[::2]
def g(a, /, b, *, c):
    global z
    try:
        z = f"{a!r:>10} {b=}"
    except (KeyError, ValueError) as e:
        raise RuntimeError from e
    finally:
        del a
    with open("f") as fh, lock:
        print(*fh, sep="")
    return lambda x=1: (yield)
print(-x ** 2, not a == b is not c, a if b else c, x[1:2, 3])
'''
tree = ast.parse(source)
print(ast.unparse(tree))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}

    def generic_visit(self, node):
        name = type(node).__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        super().generic_visit(node)

c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))
print(len(list(ast.walk(tree))))
print([name for name, _ in ast.iter_fields(tree.body[0])])
print(ast.dump(ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Name("x", ast.Load()))))
print(ast.dump(ast.arguments(), annotate_fields=False))
print(ast.Name._fields, ast.Name.__match_args__, ast.stmt._attributes)
match ast.parse("a + 1", mode="eval").body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(value)):
        print("matched", id, value)
