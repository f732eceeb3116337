# ast.literal_eval on literals and containers, and CPython's errors for what it refuses.
import ast
import re

for text in ["1", "-2.5", "1+2j", "'a' 'b'", "b'x'", "(1, [2, {3: 4}], {5})", "set()",
             "  {'k': (None, True, ...)}", "-(1)", "\t[1,\n 2]"]:
    print(repr(ast.literal_eval(text)))

for text in ["x", "1 + y", "f()", "[1, 2][0]", "{**a}", "1 +", "lambda: 0", "a.b", "(1,) + (2,)",
             "- 'a'", "2 ** 3", "\n  1"]:
    try:
        ast.literal_eval(text)
    except Exception as e:
        print(type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))

print(ast.literal_eval(ast.parse("[1, -2, 3+4j]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=7)))
