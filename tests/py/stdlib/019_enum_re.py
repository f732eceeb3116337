# CPython's enum, re, textwrap and shlex, unchanged from its Lib: they need int subclassing, __prepare__
# returning a dict subclass, the native _sre engine, and __doc__ on every object (None.__doc__).
import enum
import re


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], list(Color))
print(Level.LOW + 1, Level.HIGH > Level.LOW, sorted([Level.HIGH, Level.LOW]), int(Level.HIGH))
print(Perm.R | Perm.W, (Perm.R | Perm.X).value, Perm.W in (Perm.R | Perm.W), repr(Perm(7)))
print(None.__doc__)

print(re.findall(r"\w+", "hello, big world"))
print(re.sub(r"(\d+)", r"<\1>", "a1b22c333"))
m = re.match(r"(?P<key>\w+)=(?P<value>\d+)", "width=640")
print(m.group("key"), m.group("value"), m.groupdict(), m.span())
print(re.split(r"[,;]\s*", "a, b;c,  d"))
print(re.compile(r"^\s*#", re.M).findall("x\n # one\n#two"))
print(re.fullmatch(r"[a-f0-9]+", "deadbeef") is not None, re.search(r"b+", "aabbbcc").group())
print([m.span() for m in re.finditer(r"o", "foo boo")])
print(re.escape("a.b*c"), re.IGNORECASE | re.MULTILINE)
try:
    re.compile("(")
except re.error as e:
    print("re.error:", e)

# textwrap and shlex import through re; bytes.translate is what re's compiler uses for charsets
import shlex
import textwrap
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 12))
print(textwrap.dedent("    a\n      b\n"), textwrap.fill("one two three four", width=9))
print(shlex.split("cmd --name 'two words' \"x y\" z"), shlex.quote("it's"))
print(b"abc".translate(None, b"b"), bytearray(b"abc").translate(bytes(range(256))[::-1]))
