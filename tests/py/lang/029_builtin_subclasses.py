# Subclassing the built-in types CPython allows (bytearray, map, filter, zip, enumerate, reversed)
# and CPython's refusal of the final ones (bool, range, slice, NoneType, function, ...).
class BA(bytearray):
    pass

b = BA(b"ab")
print(b, type(b).__name__, len(b), b + b"c", type(b + b"c").__name__, b[0], b[0:1], list(b))
b.append(99)
b.extra = 1
print(b, b.extra, BA(3), BA("hé", "utf-8"), BA([1, 2]), BA(), b == b"abc", isinstance(b, bytearray))

class BA2(bytearray):
    def __init__(self, data, tag):
        super().__init__(data)
        self.tag = tag
x = BA2(b"xyz", "t")
print(x, x.tag, x.upper(), type(x.upper()).__name__, bytes(x), x.decode())

class Mp(map):
    pass
m = Mp(str, [1, 2, 3])
print(type(m).__name__, list(m), isinstance(m, map))

class Sq(map):
    def __new__(cls, it):
        return super().__new__(cls, lambda v: v * v, it)
print(list(Sq(range(4))))

class Fi(filter):
    def __init__(self, f, it):
        self.seen = 0
f = Fi(None, [0, 1, "", "a"])
print(list(f), f.seen)

class Z(zip):
    def sums(self):
        return [a + b for a, b in self]
print(Z([1, 2], [10, 20]).sums(), list(Z("ab", "cd")), next(Z("x", "y")))

class E(enumerate):
    def __new__(cls, it):
        return super().__new__(cls, it, 1)
print(list(E("abc")), type(E("x")).__name__)

class Rv(reversed):
    pass
print(type(Rv([1, 2])).__name__, type(Rv("ab")).__name__, list(Rv("abc")), list(Rv(range(3))) if False else "")

class Counted(enumerate):
    count = 0
    def __iter__(self):
        Counted.count += 1
        return self
for i, c in Counted("hey"):
    pass
print(Counted.count, i, c)

for base in (bool, range, slice, type(None), type(lambda: 0), type(print), type(iter([])), type(x for x in ()),
             type(NotImplemented), type(...)):
    try:
        class Bad(base):
            pass
    except TypeError as e:
        print(e)
try:
    class Bad(int, str):
        pass
except TypeError as e:
    print(e)
try:
    class Bad(map, zip):
        pass
except TypeError as e:
    print(e)
