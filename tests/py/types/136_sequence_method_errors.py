# The sequence types' __add__/__mul__/__rmul__/__imul__ wrap CPython's sq_concat and sq_repeat,
# which raise TypeError where the operators return NotImplemented; str's search methods clamp
# huge bounds and word their argument-count errors the PyArg_ParseTuple way; ''.join of one str.
import array
import collections
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for o in ("abc", b"ab", bytearray(b"ab"), [1], (1,), array.array("b", [1]), collections.deque([1])):
    name = type(o).__name__
    t(name + ".__add__(1)", lambda: o.__add__(1))
    t(name + ".__mul__('')", lambda: o.__mul__(""))
    t(name + ".__rmul__(2.5)", lambda: o.__rmul__(2.5))
    t(name + ".__mul__(2)", lambda: o.__mul__(2))
    t(name + ".__imul__('')", lambda: o.__imul__("") if hasattr(o, "__imul__") else "no __imul__")
    t(name + ".__iadd__(1)", lambda: o.__iadd__(1) if hasattr(o, "__iadd__") else "no __iadd__")
    t(name + " * ''", lambda: o * "")
    t("'' * " + name, lambda: "" * o)


class L(list):
    pass


t("L() + 1", lambda: L() + 1)
t("L().__add__(1)", lambda: L().__add__(1))
for m in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith"):
    t(m + " 4 args", lambda: getattr("a", m)("a", 1, 2, 3))
    t(m + " 0 args", lambda: getattr("a", m)())
    t(m + " huge start", lambda: getattr("ab", m)("zz" if "with" not in m else "b", sys.maxsize + 1, 0))
    t(m + " huge end", lambda: getattr("ab", m)("b", -(2**100), 2**100))
    t(m + " str start", lambda: getattr("ab", m)("b", "x"))
    t(m + " keyword", lambda: getattr("ab", m)("b", start=1))
s = "abcd"
print("".join([s]) is s, "-".join((s,)) is s, "".join(iter([s])) is s)


class Sub(str):
    pass


j = "".join([Sub("abcd")])
print(type(j).__name__, j)
t("str(memoryview)", lambda: str(memoryview(b"buffers decode"), "utf-8", "strict"))
t("str(bytearray)", lambda: str(bytearray(b"ab"), errors="strict"))
t("str(int, enc)", lambda: str(42, "utf-8"))
