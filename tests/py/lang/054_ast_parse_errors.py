# SyntaxErrors from ast.parse and compile(..., PyCF_ONLY_AST): CPython's message and position.
import ast

for source, mode in [("x = (1,", "exec"), ("def f(:\n  pass", "exec"), ("x\ny", "eval"),
                     ("a b", "exec"), ("  x", "exec"), ("f(a=1, b)", "exec"),
                     ("for x in y:\nreturn", "exec"), ("x +=", "exec"), ("f'{'", "exec"),
                     ("nonsense", "func_type")]:
    try:
        ast.parse(source, "<src>", mode)
        print("parsed", repr(source))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)

for bad_mode in ["exe", "func_type"]:
    try:
        compile("x", "<m>", bad_mode)
    except ValueError as e:
        print(e)
try:
    compile("x", "<m>", "nope", ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)
# Not syntax errors for the parser (the compiler checks them).
print(ast.dump(ast.parse("return 1\nbreak\nawait x")))
