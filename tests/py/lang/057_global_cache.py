# Global and builtin loads inside functions see every rebinding, deletion, shadowing and change of
# the globals dict, whatever the interpreter remembers between two loads of the same name.
import builtins

counter = 0


def bump():
    global counter
    counter += 1


def read_counter():
    return counter


# A global assigned by a function called in a loop, and read by another between the calls.
seen = []
for i in range(5):
    bump()
    seen.append(read_counter())
print("assigned in a loop:", seen)


# Deleted and bound again, by statements, through globals() and as the dict grows and shrinks.
x = 1


def get_x():
    return x


def try_get_x():
    try:
        return get_x()
    except NameError as e:
        return "NameError: %s" % e


print(try_get_x())
del x
print(try_get_x())
x = 2
print(try_get_x())
globals()["x"] = 3
print(try_get_x())
globals().pop("x")
print(try_get_x())
for i in range(100):
    globals()["filler_%d" % i] = i
print(try_get_x())
x = 4
print(try_get_x())
for i in range(100):
    del globals()["filler_%d" % i]
print(try_get_x())
globals().update(x=5, other=6)
print(try_get_x(), globals().setdefault("x", 7), try_get_x())


# A value released when the global is rebound: the function must read the new one.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("released", self.name)


holder = Noisy("first")


def holder_name():
    return holder.name


for name in ["second", "third"]:
    print("before:", holder_name())
    holder = Noisy(name)
    print("after:", holder_name())
del holder
try:
    holder_name()
except NameError as e:
    print("NameError:", e)


# Builtins shadowed by a global, unshadowed, replaced in builtins, deleted and added there.
def use_len():
    return len("abc")


print(use_len())
len = lambda s: "global len"
print(use_len())
del len
print(use_len())

original_abs = builtins.abs


def use_abs():
    return abs(-5)


print(use_abs())
builtins.abs = lambda v: "replaced in builtins"
print(use_abs())
abs = lambda v: "global abs"
print(use_abs())
del abs
print(use_abs())
del builtins.abs
try:
    use_abs()
except NameError as e:
    print("NameError:", e)
builtins.abs = original_abs
print(use_abs())


def use_new_builtin():
    return new_builtin_name


for step in range(3):
    try:
        print(use_new_builtin())
    except NameError as e:
        print("NameError:", e)
    if step == 0:
        builtins.new_builtin_name = "added to builtins"
    elif step == 1:
        del builtins.new_builtin_name
print(use_len(), use_abs())


# One code object run with different globals dicts: exec, and functions made from its code.
source = "def f():\n    return value, len('xy')\n"
code = compile(source, "<exec>", "exec")
g1 = {"value": "one"}
g2 = {"pad": 0, "value": "two", "len": lambda s: "g2's len"}
g3 = {"value": "three", "pad": 0}
exec(code, g1)
exec(code, g2)
exec(code, g3)
for _ in range(3):
    print(g1["f"](), g2["f"](), g3["f"]())
made = []
for g in ({"value": 10}, {"a": 1, "b": 2, "value": 20}, {}):
    exec(code, g)
    made.append(g["f"])
print(len({f.__code__ for f in made + [g1["f"], g2["f"]]}))
for round in range(2):
    row = []
    for f in made:
        try:
            row.append(f())
        except NameError as e:
            row.append("NameError: %s" % e)
    print(row)
    made[2].__globals__["value"] = 30
f1 = g1["f"]
g1["value"] = "one again"
print(f1())
g1.clear()
try:
    print(f1())
except NameError as e:
    print("NameError:", e)
g1["value"] = "one more"
print(f1())
g1["len"] = len
print(f1(), g1.popitem()[0], g2.popitem()[0], f1())
