# bytes() and bytearray() follow CPython's order of checks (encoding and errors first, then
# __bytes__, which `__bytes__ = None` blocks, then a count through __index__ whose errors pass
# through); bytes * 1 is the same bytes; fromhex builds a subclass through the class; bytearray
# pickles with its state; assigning nothing to an extended slice of a bytearray deletes it.
import copy
import pickle


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class BadInt:
    def __index__(self):
        1 / 0


class WrongIndex:
    def __index__(self):
        return "x"

    def __iter__(self):
        return iter([65, 66])


class Index:
    def __index__(self):
        return 3


class A(str):
    def __bytes__(self):
        return b"abc"


class Blocked(bytes):
    __bytes__ = None


class BufferBlocked(bytearray):
    __bytes__ = None


for make in (bytes, bytearray):
    name = make.__name__
    t(name + "(b'', errors='ignore')", lambda: make(b"", errors="ignore"))
    t(name + "(0, 'ascii')", lambda: make(0, "ascii"))
    t(name + "('', errors='ignore')", lambda: make("", errors="ignore"))
    t(name + "(errors='ignore')", lambda: make(errors="ignore"))
    t(name + "('', 5)", lambda: make("", 5))
    t(name + "('', 'ascii', b'x')", lambda: make("", "ascii", b"x"))
    t(name + "(BadInt())", lambda: make(BadInt()))
    t(name + "([BadInt()])", lambda: make([BadInt()]))
    t(name + "(WrongIndex())", lambda: make(WrongIndex()))
    t(name + "(Index())", lambda: make(Index()))
    t(name + "(A('\\u20ac'))", lambda: make(A("\u20ac")))
    t(name + "(A('\\u20ac'), 'iso8859-15')", lambda: make(A("\u20ac"), "iso8859-15"))
    t(name + "(Blocked(b'ab'))", lambda: make(Blocked(b"ab")))
    t(name + "(BufferBlocked(b'ab'))", lambda: make(BufferBlocked(b"ab")))
    t(name + "(object())", lambda: make(object()))

a = b"123abc1@"
print(a * 1 is a, 1 * a is a, a * 2 is a, Blocked(b"x") * 1 is Blocked(b"x"))


class B1(bytes):
    def __new__(cls, value):
        me = bytes.__new__(cls, value)
        me.foo = "bar"
        return me


class BA(bytearray):
    def __init__(self, *args):
        super().__init__(*args)
        self.init = True


for cls in (bytes, bytearray, B1, BA, Blocked):
    b = cls.fromhex("1a2B30")
    print(cls.__name__, type(b).__name__, b, getattr(b, "foo", None), getattr(b, "init", None))


class S(bytearray):
    __slots__ = ("y", "z")


s = S(b"spam")
s.y = 1
ba = bytearray(b"ab\xff")
for p in (0, 2, 3, 4):
    print(p, ba.__reduce_ex__(p), bytearray().__reduce_ex__(p), s.__reduce_ex__(p)[1:])
print(ba.__reduce__())
for dup in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
    print(type(dup).__name__, dup, dup.y, hasattr(dup, "z"))
for value in (b"", [], bytearray(), b"xy"):
    b = bytearray(range(10))
    try:
        b[1:-1:2] = value
        print(value, b)
    except ValueError as e:
        print(value, "ValueError", e)
b = bytearray(range(10))
b[::-3] = b""
print(b)
# A bytes literal has no \u, \U or \N escape: kept as written, with the invalid-escape warning.
import warnings

for text in (r"b'\u00e9'", r"b'\U0001F600'", r"b'\N{DASH}'", r"b'\z'", r"b'\x41'"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = eval(text)
    print(text, value, [f"{w.category.__name__}: {w.message}" for w in caught])
