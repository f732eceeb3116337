# match (PEP 634) 3: class patterns: keyword attributes, positional ones through __match_args__, the built-in
# types that match themselves (int(x), str(s), ...), and CPython's TypeErrors for bad patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"3d on floor {x} {y}"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0), Point3(1, 2, 3), "x"]:
    print(where(p))

# the built-in types whose single positional sub-pattern is the subject itself
def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list(l) | tuple(l):
            return f"list or tuple {l!r}"
        case dict(d):
            return f"dict {d}"
        case set(s) | frozenset(s):
            return f"set-like {sorted(s)}"
    return "other"

for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1], (2,), {"k": 1}, {3}, frozenset({4}), None]:
    print(repr(v), "->", builtin(v))

class MyInt(int):
    pass
match MyInt(5):
    case int(n):
        print("subclass matches itself:", type(n).__name__, n)

class WithArgs(int):
    __match_args__ = ("real",)
match WithArgs(6):
    case WithArgs(r):
        print("own __match_args__:", type(r).__name__, r)

# attributes read in order, missing ones fail the pattern
class Logged:
    __match_args__ = ("a", "b")
    def __getattr__(self, name):
        print("  getattr", name)
        if name == "missing":
            raise AttributeError(name)
        return name.upper()
match Logged():
    case Logged(a, b, c="C"):
        print("no")
    case Logged(a, missing=m):
        print("no")
    case Logged(x, y):
        print("got", x, y)

# dotted class names
import collections
match collections.OrderedDict(a=1):
    case collections.OrderedDict(a=1):
        print("no: a is not an attribute")
    case collections.OrderedDict():
        print("OrderedDict")

def error(f):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

def too_many():
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
error(too_many)

def not_a_class():
    notcls = 3
    match 3:
        case notcls():
            pass
error(not_a_class)

class BadArgs:
    __match_args__ = ["x"]
def bad_match_args():
    match BadArgs():
        case BadArgs(x):
            pass
error(bad_match_args)

class BadItem:
    __match_args__ = (1,)
def bad_item():
    match BadItem():
        case BadItem(x):
            pass
error(bad_item)

def repeated():
    match Point(1, 2):
        case Point(x, x=1):
            pass
error(repeated)

def int_two():
    match 5:
        case int(a, b):
            pass
error(int_two)

class NoArgs:
    pass
def no_args():
    match NoArgs():
        case NoArgs(a):
            pass
error(no_args)
