# compile() of _ast trees: one from ast.parse changed by a NodeTransformer, one built by hand with
# fix_missing_locations, and CPython's errors for malformed trees.
import ast
import re

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_Name(self, node):
        if node.id == "old":
            return ast.copy_location(ast.Name("new", node.ctx), node)
        return node

source = """
def f(a, b=1):
    return a + b * 10
new = 5
print(f(old), [i for i in range(3)], "s")
"""
tree = Doubler().visit(ast.parse(source))
exec(compile(tree, "<tree>", "exec"), {})
print(eval(compile(ast.parse("3 * 4", mode="eval"), "<e>", "eval")))
exec(compile(ast.parse("1 + 1", mode="single"), "<s>", "single"))

call = ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built by hand"), ast.Constant(42)], []))
module = ast.Module(body=[
    ast.Assign(targets=[ast.Name("x", ast.Store())], value=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
    call,
    ast.If(ast.Compare(ast.Name("x", ast.Load()), [ast.Gt()], [ast.Constant(40)]),
           [ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Name("x", ast.Load())], []))], []),
], type_ignores=[])
ast.fix_missing_locations(module)
exec(compile(module, "<hand>", "exec"), {})
print(ast.unparse(module))
tree = ast.parse("x = 1\ny = 2")
ast.increment_lineno(tree, 3)
print(tree.body[1].lineno, tree.body[1].value.end_lineno)
print(compile(tree, "<ast>", "exec").co_firstlineno)
print(compile(tree, "<ast>", "exec", ast.PyCF_ONLY_AST) is tree)

def attempt(make):
    try:
        compile(make(), "<bad>", "exec")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))

attempt(lambda: ast.Module([ast.Expr(ast.Name("x", ast.Load()))], []))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(ast.Name("x", ast.Store()))], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Assign([ast.Name("x", ast.Load())], ast.Constant(1))], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(ast.Constant(object))], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.If(ast.Constant(1), [], [])], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(ast.Pass())], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(None)], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Delete([])], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1)]))], [])))
attempt(lambda: ast.fix_missing_locations(ast.Module([ast.Expr(ast.List([None], ast.Load()))], [])))
attempt(lambda: ast.Expression(ast.Constant(1)))
attempt(lambda: 42)
