# exec and eval: default and explicit namespaces, a function's locals, SyntaxError from the text.
x = 10
print(eval("x * 2 + 1"), eval("a + b", {"a": 1, "b": 2}))
exec("y = x + 5\nprint('in exec', y)")
print(y)
ns = {}
exec("def sq(n): return n * n", ns)
print(ns["sq"](7))
def f():
    z = 3
    return eval("z + 1")
print(f())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError")
