# Source nested far too deep never crashes the compiler: 200 brackets are fine and 201 give CPython's
# "too many nested parentheses"; long chains of binary operators, attributes, calls and subscripts
# give "maximum recursion depth exceeded during compilation"; 100,000 unary operators, `not`s,
# lambdas or conditional expressions end in RecursionError (CPython's parser runs out of its own
# stack there first and raises MemoryError: either is a clean exception); 100 nested blocks give
# "too many levels of indentation". Moderate depths compile and run.
def attempt(label, src, mode="exec"):
    try:
        compile(src, "<nest>", mode)
        print(label, "compiles")
    except SyntaxError as e:
        print(label, type(e).__name__, e.msg, e.lineno)
    except RecursionError as e:
        print(label, "RecursionError", e)
    except MemoryError:
        print(label, "RecursionError", "maximum recursion depth exceeded during compilation")

for opener, closer in (("(", ")"), ("[", "]"), ("{", "}")):
    attempt(opener + " x200", opener * 200 + closer * 200)
    attempt(opener + " x201", opener * 201 + closer * 201)
    attempt(opener + " x100000", opener * 100000)
attempt("f( x200", "f(" * 200 + ")" * 200)
attempt("f( x300", "f(" * 300 + ")" * 300)
for label, src in (("1+1+...", "1+" * 100000 + "1"), ("a.b.b...", "a" + ".b" * 100000),
                   ("a()()...", "a" + "()" * 100000), ("a[0][0]...", "a" + "[0]" * 100000),
                   ("1**1**...", "1**" * 100000 + "1"), ("a,b,...", ",".join(["a"] * 100000))):
    attempt(label, src)
for prefix in ("-", "not ", "~", "lambda: ", "a if b else ", "+"):
    attempt(prefix + "x100000", prefix * 100000 + "1")
    attempt(prefix + "x500", prefix * 500 + "1")

def blocks(depth, body="pass"):
    return "".join(" " * i + "if 1:\n" for i in range(depth)) + " " * depth + body + "\n"

attempt("if x99", blocks(99))
attempt("if x100", blocks(100))
attempt("if x1000", blocks(1000))
attempt("def x50", "".join(" " * i + "def f%d():\n" % i for i in range(50)) + " " * 50 + "return 1\n")

print(eval("-" * 500 + "1"), eval("not " * 501 + "1"), eval("(" * 150 + "7" + ")" * 150))
print(eval("+".join(["1"] * 1500)), len(eval("[" * 100 + "]" * 100)))
f = eval("lambda: " * 200 + "42")
for _ in range(200):
    f = f()
print(f)
ns = {}
exec(blocks(90, "x = 90"), ns)
print(ns["x"])
