# CPython's ast module over minipy's _ast (stdlib/_ast.py): every node class with its fields, attributes,
# base and signature; constructors; ast.dump/unparse/literal_eval/walk/NodeVisitor on built trees.
import ast, _ast
names = sorted(n for n in dir(_ast) if isinstance(getattr(_ast, n), type) and issubclass(getattr(_ast, n), _ast.AST))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    print(n, c.__bases__[0].__name__, c._fields, c._attributes, c.__module__, (c.__doc__ or "").splitlines()[:1])
t = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
print(ast.dump(t), ast.unparse(t), ast.literal_eval(ast.Expression(ast.List([ast.Constant(1), ast.UnaryOp(ast.USub(), ast.Constant(2))], ast.Load()))))
print(ast.Name("x", ast.Load()).ctx.__class__.__name__, ast.stmt.__doc__ == __import__("_ast").stmt.__doc__, ast.arg("a").annotation, ast.Name("x", lineno=3).end_lineno)
class V(ast.NodeVisitor):
    def visit_Constant(self, node): print("const", node.value)
V().visit(t)
print([type(n).__name__ for n in ast.walk(t)])
try: ast.Name(1, 2, 3)
except TypeError as e: print(e)
print(isinstance(ast.Load(), ast.expr_context), ast.Suite.__mro__[1].__name__, ast.Index.__name__)
# The native descriptors' __get__/__set__ (enum's _simple_enum, used by ast, asks for them).
def f(self=None): return self
class A:
    @property
    def p(self): return 1
    @p.setter
    def p(self, v): print("set", v)
a = A()
print(hasattr(f, "__get__"), f.__get__(a, A)() is a, type(f.__get__(a)).__name__, f.__get__(None, A) is f)
print(A.__dict__["p"].__get__(a, A), A.__dict__["p"].__set__(a, 5))
print(classmethod(f).__get__(None, A).__self__ is A, staticmethod(f).__get__(a) is f)
try: f.__get__(None, None)
except TypeError as e: print(e)
