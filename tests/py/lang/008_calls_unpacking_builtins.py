# calls unpacking builtins: checked against CPython 3.11's output.
def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(f(1, c=3), f(*[1, 2, 3], **{"c": 5, "z": 6}))
a = [1, 2]; b = (3,)
print([*a, *b], {*a, *b}, {**{"x": 1}, "y": 2}, (*a, 0))
first, *mid, last = range(6); print(first, mid, last)
(x, y), z = (1, 2), 3; print(x, y, z)
print([y := 10, y * 2], y)
data = [1, 2, 3, 4]
print([t for v in data if (t := v * 2) > 4], t)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
g = 5
def setg():
    global g
    g = 6
setg(); print(g)
lst = list(range(10)); del lst[2:5]; del lst[0]; print(lst)
class O: pass
o = O(); o.a = 1; del o.a; print(hasattr(o, "a"))
d = {"k": 1}; del d["k"]; print(d)
def deco(tag):
    def wrap(fn):
        def inner(*a, **k): return tag + str(fn(*a, **k))
        return inner
    return wrap
@deco("<")
@deco(">")
def val(x): return x
print(val(3))
print([[i * j for j in range(3)] for i in range(2)], {i: i * i for i in range(3)}, {i % 2 for i in range(5)})
x = 100
print([x for x in range(3)], x)
print((lambda *a, **k: (a, k))(1, b=2))
print(sorted([3, 1, 2], key=lambda v: -v))
import sys
print("err", file=sys.stderr)
print(divmod(7, 2), pow(2, 10, 7), round(2.675, 2), chr(65), ord("a"), bin(5), hex(255), oct(8))
print(list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(None, [0, 1, 2])))
print(callable(len), getattr(o, "zz", "dflt"), hash(1) == hash(1.0), id(o) == id(o))
setattr(o, "q", 5); print(o.q); delattr(o, "q"); print(hasattr(o, "q"))
it = iter([1, 2, 3, 0, 5].pop, 0); print(list(it))
print(frozenset([1, 2]) | {3}, set("aab") == {"a", "b"}, object().__class__.__name__)
print(format(3.14159, ".2f"), format(42, "08b"), isinstance(True, int), issubclass(bool, (str, int)))
print(dir(o)[:3], "q" in vars(o), len(globals()) > 0)
def loc(): a = 1; b = 2; return sorted(locals())
print(loc())
m = __import__("math"); print(m.sqrt(4))
