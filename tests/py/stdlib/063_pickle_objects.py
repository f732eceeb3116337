# pickle of instances and globals: classes and functions by qualified name, __reduce__,
# __reduce_ex__, __getstate__/__setstate__, __getnewargs__, __slots__-free subclasses of built-in
# types, copyreg.pickle, exceptions; and CPython's errors for what cannot be pickled.
import copyreg
import pickle
import collections


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    class Inner:
        pass


class Counter:
    def __init__(self):
        self.n = 0
        self.log = "not pickled"

    def __getstate__(self):
        return {"n": self.n}

    def __setstate__(self, state):
        self.n = state["n"] * 10


class Reduced:
    def __init__(self, a, b):
        self.args = (a, b)

    def __reduce__(self):
        return (Reduced, self.args)


class MyList(list):
    pass


class MyInt(int):
    def __new__(cls, v, tag):
        self = int.__new__(cls, v)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


class Temp:
    def __init__(self, c):
        self.c = c


def reduce_temp(t):
    return (Temp, (t.c + 1000,))


copyreg.pickle(Temp, reduce_temp)

Pair = collections.namedtuple("Pair", "left right")


def top_level():
    return 42


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code


for proto in (0, 2, 4, 5):
    p = pickle.loads(pickle.dumps(Point(1, [2]), proto))
    print(proto, p, type(p).__name__)
    c = Counter()
    c.n = 4
    c2 = pickle.loads(pickle.dumps(c, proto))
    print(c2.n, hasattr(c2, "log"))
    r = pickle.loads(pickle.dumps(Reduced(3, "x"), proto))
    print(r.args)
    ml = MyList([1, 2])
    ml.extra = "e"
    ml2 = pickle.loads(pickle.dumps(ml, proto))
    print(type(ml2).__name__, ml2, ml2.extra)
    if proto >= 2:
        mi = pickle.loads(pickle.dumps(MyInt(7, "seven"), proto))
        print(type(mi).__name__, mi, mi.tag)
    print(pickle.loads(pickle.dumps(Temp(5), proto)).c)
    print(pickle.loads(pickle.dumps(Pair(1, 2), proto)))
    f = pickle.loads(pickle.dumps(top_level, proto))
    print(f is top_level, pickle.loads(pickle.dumps(Point.Inner, proto)) is Point.Inner)
    e = pickle.loads(pickle.dumps(AppError(7, "boom"), proto))
    print(type(e).__name__, e.args, e.code)
    e = pickle.loads(pickle.dumps(ValueError("v", 1), proto))
    print(repr(e))
    print(pickle.loads(pickle.dumps(KeyError("k"), proto)).args)

print(pickle.dumps(top_level, 0))
print(pickle.dumps(Point, 4))
print(pickle.dumps(Point(1, 2), 2))
print(ValueError("a", 2).__reduce__())
print(AppError(1, "m").__reduce__()[2])


def outer():
    def inner():
        pass
    return inner


for bad in [lambda: 0, outer(), (x for x in [])]:
    try:
        pickle.dumps(bad)
    except Exception as e:
        text = str(e)
        if " at 0x" in text:
            start = text.index(" at 0x")
            text = text[:start] + text[text.index(">", start):]
        print(type(e).__name__, text)


class MyStr(str):
    pass


s = MyStr("text")
s.note = 1
back = pickle.loads(pickle.dumps(s, 2))
print(type(back).__name__, back, back.note)
