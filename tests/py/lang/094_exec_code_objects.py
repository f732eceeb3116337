# exec() and eval() of code objects that belong to functions: CPython 3.11's closure= keyword, the
# checks on it, parameters that get no argument, cells made as a call makes them, generator code;
# exec/eval argument errors; types.CellType. (exec of such code without a closure used to crash.)
def f():
    x = 1
    def g():
        return x
    print("g", g())
exec(f.__code__, {"print": print})
def h(a=5):
    def k():
        return a
    print("k", k())
try:
    exec(h.__code__, {"print": print})
except Exception as e:
    print(type(e).__name__, e)
exec(f.__code__, {"print": print}, closure=None)
def gen():
    yield 1
print(exec(gen.__code__, {}))
def va(*args, **kw):
    print("va", args, kw)
exec(va.__code__, {"print": print})
def kwo(*, k):
    pass
try:
    exec(kwo.__code__, {})
except TypeError as e:
    print(e)
def outer2():
    z = 4
    class C:
        w = z
        def m(self):
            return __class__
    return C
body = [c for c in outer2.__code__.co_consts if hasattr(c, "co_freevars") and c.co_name == "C"][0]
print(body.co_freevars, body.co_cellvars)
cell = outer2.__closure__
ns = {}
import types
exec(body, {"__name__": "m"}, ns, closure=(types.CellType(9),))
print(ns["w"], sorted(k for k in ns if not k.startswith("__")))
def outer():
    x = 10
    def inner():
        return x
    return inner
fi = outer()
try:
    exec(fi.__code__, {})
except TypeError as e:
    print(e)
exec(fi.__code__, {}, closure=fi.__closure__)
try:
    eval(fi.__code__)
except TypeError as e:
    print(e)
print("survived")
def outer3():
    x = 10
    def inner():
        return x
    return inner
f = outer3()
exec(f.__code__, {}, closure=f.__closure__)
print(eval(compile("1+1", "<s>", "eval")))
try:
    exec(f.__code__, {})
except TypeError as e:
    print(e)
try:
    exec("x=1", {}, closure=())
except TypeError as e:
    print(e)
try:
    exec(f.__code__, {}, closure=(1,))
except TypeError as e:
    print(e)
try:
    exec(f.__code__, {}, closure=())
except TypeError as e:
    print(e)
def g():
    y = 3
    def h():
        print("h sees", y)
    return h
exec(g().__code__, {"print": print}, closure=g().__closure__)
import types
print(types.CellType(5).cell_contents, repr(types.CellType()).split(" at ")[0])
for bad in (lambda: types.CellType(1, 2), lambda: types.CellType(x=1)):
    try:
        bad()
    except TypeError as e:
        print(e)
for c in ['exec(source="1")', 'eval(source="1")', 'exec("1", globals={})', 'eval("1", closure=())',
          'exec("1", {}, {}, None)', 'exec("1", None, None, closure=None)', 'exec("1", {}, closure=None)',
          'exec((lambda: 0).__code__, {}, closure=())', 'exec((lambda: 0).__code__, {}, closure=[])',
          'eval()', 'eval(1, 2, 3, 4)', 'exec()', 'exec("1", closure=None, closure2=1)']:
    try:
        exec(c)
        print("ok", c)
    except TypeError as e:
        print(c, "->", e)
