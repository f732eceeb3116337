# match (PEP 634) 2: sequence patterns (not for str/bytes/bytearray), star patterns, mapping patterns with
# **rest, and the protocol calls they make (len, indexing vs iteration, .get with a default, keys()).
import collections
import collections.abc

def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case (first, *middle, last) if not middle:
            return f"never: {first} {last}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
    return "no match"

for v in [[], [1], (1, 2), [1, 2, 3, 4], range(5), "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, 7]:
    print(repr(v), "->", seq(v))

match [1, 2, 3]:
    case [*_]:
        print("star wildcard alone")
match (1, 2, 3, 4, 5):
    case (1, *_, 4, 5):
        print("star wildcard in the middle")
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("nested", a, b, c, d)
match [1, 2]:
    case [1, 2, *rest]:
        print("empty rest", rest)
match (1, 2):
    case a, b:
        print("open sequence", a, b)
match 1, 2, 3:
    case 1, *others:
        print("tuple subject", others)

class Seq(collections.abc.Sequence):
    """Logs the protocol calls a sequence pattern makes."""
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        print("  len()")
        return len(self.items)
    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]

print("unpacking iterates:")
match Seq(1, 2, 3):
    case [a, b, c]:
        print(" ", a, b, c)
print("a *_ pattern indexes:")
match Seq(1, 2, 3, 4):
    case [a, *_, d]:
        print(" ", a, d)

class Later:
    pass
collections.abc.Sequence.register(Later)
match Later():
    case [*_]:
        print("registered later: no __len__", "!")
    case _:
        pass

def mapping(v):
    match v:
        case {}  if not v:
            return "empty mapping"
        case {"x": x, "y": y}:
            return f"point {x} {y}"
        case {"kind": "circle", "r": r, **rest}:
            return f"circle {r} rest {rest}"
        case {1: one, **rest}:
            return f"one {one} rest {rest}"
        case {}:
            return "some mapping"
    return "no match"

for v in [{}, {"x": 1, "y": 2, "z": 3}, {"kind": "circle", "r": 5, "color": "red"}, {1: "a", 2: "b"},
          {True: "t"}, {"q": 1}, [("x", 1)], collections.OrderedDict(x=0, y=0)]:
    print(repr(v), "->", mapping(v))

class Logged(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)
match Logged(a=1, b=2):
    case {"a": 1, "c": _}:
        print("no")
    case {"b": 2, **rest}:
        print("rest", rest)

d = collections.defaultdict(list)
match d:
    case {"missing": _}:
        print("no")
    case _:
        print("defaultdict not grown:", dict(d))

K = "a"
class NS:
    key = "b"
match {"a": 1, "b": 2}:
    case {NS.key: v}:
        print("value-pattern key", v)

class Dup:
    A = "k"
    B = "k"
try:
    match {"k": 1}:
        case {Dup.A: _, Dup.B: _}:
            pass
except ValueError as e:
    print("ValueError:", e)

# mappings are not sequences and vice versa
match {0: "a"}:
    case [x]:
        print("no")
    case {0: x}:
        print("mapping", x)
