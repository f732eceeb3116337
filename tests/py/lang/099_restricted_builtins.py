# Code finds the builtins through its globals' `__builtins__`, as CPython: eval and exec with
# {"__builtins__": {...}} see only what that dict holds (the "restricted eval" idiom), functions
# keep the builtins they were made with (`f.__builtins__`), and a module's own is the builtins dict.
import builtins

import lib.builtins_probe

print(eval("len('abc')", {"__builtins__": {"len": len}}))
for source in ["open", "print('leaked')", "__import__('os')", "[abs(x) for x in (-1, 2)]"]:
    try:
        eval(source, {"__builtins__": {}})
    except NameError as e:
        print("NameError:", e)
try:
    exec("import os", {"__builtins__": {}})
except ImportError as e:
    print("ImportError:", e)

# exec puts the caller's builtins dict into globals that have none
g = {}
exec("x = 1", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)

# a module of its own: __builtins__ there is the module in __main__, the dict in an imported one
print(type(__builtins__).__name__)
print(lib.builtins_probe.kind, lib.builtins_probe.__builtins__ is builtins.__dict__)


def f():
    return len


print(f.__builtins__ is builtins.__dict__)

# functions made by restricted code keep its builtins, called from anywhere
ns = {"__builtins__": {"len": len, "None": None}}
exec("def count(s):\n    return len(s)\ndef leak():\n    return print\n", ns)
print(ns["count"]("abcd"), ns["count"].__builtins__ is ns["__builtins__"])
try:
    ns["leak"]()
except NameError as e:
    print("NameError:", e)

# a function made from a code object with globals that have no __builtins__ takes the builtins of
# the code that makes it (bpo-42990)
code = "def func3(s): pass\nfunc4 = type(func3)(func3.__code__, {})\n"
safe_builtins = {"None": None}
ns = {"type": type, "__builtins__": safe_builtins}
exec(code, ns)
print(ns["func3"].__builtins__ is safe_builtins, ns["func4"].__builtins__ is safe_builtins)
print("__builtins__" in ns["func4"].__globals__)
func2 = type(f)(f.__code__, {})
print(func2.__builtins__ is builtins.__dict__, func2() is len)

# a module-level name shadows the builtin; the builtins dict itself can be replaced
ns = {"__builtins__": {"abs": lambda x: "mine"}}
print(eval("abs(-3)", ns))
ns["__builtins__"] = {"abs": abs}
print(eval("abs(-3)", ns))


# a generator from eval of a generator's code keeps its globals alive
def gen():
    yield len


g = eval(gen.__code__, {"__builtins__": {"len": "restricted len"}})
print(next(g))


# a dict subclass serves as builtins too
class CustomDict(dict):
    pass


exec("seen = superglobal", ns := {"__builtins__": CustomDict({"superglobal": 1})})
print(ns["seen"])
for builtins_dict in (CustomDict(), {}):
    try:
        exec("class A: pass", {"__builtins__": builtins_dict})
    except NameError as e:
        print("NameError:", e)
