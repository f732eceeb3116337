# The native array module: every typecode's range and conversions (with CPython's overflow texts),
# the sequence protocol (index, slice, assign, delete, +, *, compare, in, iteration), the methods,
# pickling, and errors.
import copy
import pickle
from array import array, typecodes, ArrayType
from collections.abc import MutableSequence

print(typecodes, ArrayType is array, array.__module__, array.__name__, isinstance(array("b"), MutableSequence))
print([array(c).itemsize for c in typecodes])
for code in typecodes:
    if code == "u":
        a = array(code, "h\xe9\u20ac\U0001f600")
    elif code in "fd":
        a = array(code, [0.5, -2, 1e38, 3])
    else:
        a = array(code, [0, 1, 2, 100, 127])
    print(code, a, a.tolist(), len(a.tobytes()), a.typecode, a[1], a[-1])

edges = {"b": (-128, 127), "B": (0, 255), "h": (-(2**15), 2**15 - 1), "H": (0, 2**16 - 1),
         "i": (-(2**31), 2**31 - 1), "I": (0, 2**32 - 1), "l": (-(2**63), 2**63 - 1), "L": (0, 2**64 - 1),
         "q": (-(2**63), 2**63 - 1), "Q": (0, 2**64 - 1)}
for code, (low, high) in edges.items():
    print(code, array(code, [low, high]))
    for bad in (low - 1, high + 1, -(2**70), 2**70, 1.5, "x"):
        try:
            array(code, [bad])
            print(" accepted", bad)
        except (OverflowError, TypeError) as e:
            print(" ", type(e).__name__, e)
print(array("f", [1e300, 1 / 3]), array("d", [1 / 3]))
for bad in ("x", None, [1]):
    try:
        array("d", [bad])
    except TypeError as e:
        print("d", e)
for bad in (65, "ab", ""):
    try:
        array("u", [bad])
    except TypeError as e:
        print("u", e)


class Index:
    def __index__(self):
        return 7


print(array("i", [Index(), True]), array("d", [Index() .__index__(), 2]))

a = array("i", range(10))
print(a[2:5], a[::-2], a[-3:], a[100:], type(a[1:3]).__name__)
a[1:3] = array("i", [-1, -2, -3])
print(a)
a[::3] = array("i", [7, 7, 7, 7])
print(a)
del a[::2]
print(a)
del a[0]
del a[-2:]
print(a, len(a))
a[0] = 42
a[-1] = 43
print(a)
a[1:] = a
print(a)

a = array("h", [3, 1, 2])
a.append(5)
a.extend([6, 7])
a.extend(array("h", [8]))
a.insert(0, -1)
a.insert(100, 100)
a.insert(-100, -100)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(2), a.index(8, 2), a.count(3), 3 in a, 99 in a)
a.reverse()
print(a)
a.fromlist([10, 11])
print(a, a.buffer_info()[1])
b = array("h", [1, 256])
b.byteswap()
print(b, b.tobytes())
b.frombytes(b"\x01\x00\x02\x00")
print(b)
u = array("u", "ab")
u.fromunicode("cd")
print(u, u.tounicode(), u * 2, 2 * u)

x, y = array("i", [1, 2]), array("i", [1, 3])
print(x < y, x == y, x != y, x == array("d", [1.0, 2.0]), x == [1, 2], x + y, x * 3, x * -1)
x += y
x *= 2
print(x, list(reversed(x)), sorted(x), sum(x), [v for v in x])
it = iter(array("b", [1, 2]))
print(type(it).__name__, next(it), next(it), next(it, "done"))

for proto in range(0, 3):
    p = pickle.loads(pickle.dumps(array("d", [1.5, 2.5]), proto))
    print(proto, p, type(p).__name__)
print(array("l", [1, 2]).__reduce_ex__(2))
c = copy.copy(x)
d = copy.deepcopy(x)
c.append(0)
print(x, c, d)


class Sub(array):
    pass


s = Sub("i", [1, 2])
s.extra = 1
print(s, type(s).__name__, s[0], s + s, type(s[:]).__name__)

match array("b", b"abc"):
    case [first, second, third]:
        print("sequence pattern", first, second, third)


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


a = array("i", [1, 2, 3])
attempt("bad typecode", lambda: array("x"))
attempt("typecode int", lambda: array(1))
attempt("typecode str", lambda: array("ii"))
attempt("no args", lambda: array())
attempt("keywords", lambda: array("i", initializer=[]))
attempt("str init", lambda: array("i", "abc"))
attempt("unicode array init", lambda: array("b", array("u", "x")))
attempt("index", lambda: a[3])
attempt("index type", lambda: a["x"])
attempt("assign index", lambda: a.__setitem__(3, 0))
attempt("delete index", lambda: a.__delitem__(-4))
attempt("assign list to slice", lambda: a.__setitem__(slice(0, 1), [1]))
attempt("assign other code", lambda: a.__setitem__(slice(0, 1), array("b", [1])))
attempt("extended size", lambda: a.__setitem__(slice(0, 3, 2), array("i", [1])))
attempt("concat list", lambda: a + [1])
attempt("concat list left", lambda: [1] + a)
attempt("concat other code", lambda: a + array("b"))
attempt("extend other code", lambda: a.extend(array("b")))
attempt("extend int", lambda: a.extend(1))
attempt("pop empty", lambda: array("i").pop())
attempt("pop range", lambda: a.pop(10))
attempt("remove missing", lambda: a.remove(99))
attempt("index missing", lambda: a.index(99))
attempt("frombytes odd", lambda: a.frombytes(b"abc"))
attempt("frombytes str", lambda: a.frombytes("abc"))
attempt("fromunicode", lambda: a.fromunicode("x"))
attempt("tounicode", lambda: a.tounicode())
attempt("fromlist tuple", lambda: a.fromlist((1,)))
attempt("fromlist bad item", lambda: (a.fromlist([4, "x"]), a)[1])
print(a)
attempt("hash", lambda: hash(a))
attempt("iadd list", lambda: a.__iadd__([1]))
attempt("tofile", lambda: a.tofile(1))
import pickle
from array import array, _array_reconstructor as r
print(r(array, 'b', 1, b'\x01\xff'), r(array, 'i', 9, b'\x00\x00\x00\x05'), r(array, 'b', 11, b'\xff'*8), r(array, 'd', 15, b'?\x80\x00\x00'))
print(r(array, 'u', 19, 'hi'.encode('utf-16-be')), r(array, 'u', 21, 'hé'.encode('utf-32-be')), r(array, 'L', 5, b'\xff\xfe'))
for p in range(6):
    a = array('H', [1, 65535])
    print(p, pickle.loads(pickle.dumps(a, p)), array('d',[1.5]).__reduce_ex__(p)[0].__name__)
for bad in [(1, 'b', 0, b''), (int, 'b', 0, b''), (array, 'x', 0, b''), (array, 'b', 22, b''), (array, 'b', 0, '')]:
    try: r(*bad)
    except Exception as e: print(type(e).__name__, e)
