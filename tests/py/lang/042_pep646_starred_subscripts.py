# PEP 646 (3.11): starred expressions in subscripts (`x[*a]` indexes with a tuple, even alone) and
# `*args: *Ts` annotations, which store the one item that unpacking Ts gives.
class Show:
    def __getitem__(self, key):
        return key
    def __setitem__(self, key, value):
        print("set", key, value)
    def __delitem__(self, key):
        print("del", key)

s = Show()
a = [1, 2]
print(s[*a])
print(s[*a, 3])
print(s[0, *a])
print(s[*a, *"xy"])
print(s[*()])
print(type(s[*[5]]).__name__, s[*[5]])
s[*a] = "v"
del s[*a, 9]
print(tuple[*(int, str)])
print(dict[*[str], int])

class Unpacked:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "*" + self.name

class TypeVarTupleLike:
    def __iter__(self):
        yield Unpacked("Ts")

Ts = TypeVarTupleLike()
def f(*args: *Ts) -> None:
    return args
print(f.__annotations__)
print(f(1, 2))

def g(x: int, *rest: *Ts, flag: bool = False):
    pass
print(g.__annotations__)

class TooMany:
    def __iter__(self):
        return iter([1, 2])
try:
    def h(*args: *TooMany()):
        pass
except ValueError as e:
    print("ValueError:", e)

ns = {}
exec("from __future__ import annotations\ndef k(*args: *Ts): pass\n", {"Ts": Ts}, ns)
print(ns["k"].__annotations__)

for src in ["def f(x: *Ts): pass", "def f(**kw: *Ts): pass", "x = s[*a:1]"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
