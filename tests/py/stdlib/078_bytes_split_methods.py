# bytes and bytearray: partition, rpartition, removeprefix, removesuffix, rindex, rsplit,
# splitlines and bytearray.remove, on the same samples for both types; split's maxsplit remainder,
# the `sub` errors of find/count, bytearray's repr quotes and *= in place.

SAMPLES = [b"", b"a", b"a,b,,c", b",a,", b"  one two  three   ", b"\t x \n", b"a::b::c::",
           b"line1\nline2\r\nline3\rline4", b"\n\n", b"end\r\n", b"\r\r\n\n", b"no newline",
           b"x\x0by\x0cz\x1cw"]


def show(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "%s %r" % (type(r).__name__, r)


for kind in (bytes, bytearray):
    print("==", kind.__name__)
    for s in SAMPLES:
        x = kind(s)
        print(repr(s))
        print("  partition", x.partition(b","), x.partition(b"::"), x.partition(b"zz"))
        print("  rpartition", x.rpartition(b","), x.rpartition(b"::"), x.rpartition(b"zz"))
        print("  remove", x.removeprefix(b"a"), x.removesuffix(b"::"), x.removeprefix(b""),
              x.removesuffix(bytearray(b"\n")), x.removeprefix(s + b"!"))
        print("  rsplit", x.rsplit(), x.rsplit(None, 1), x.rsplit(maxsplit=2), x.rsplit(b","),
              x.rsplit(b"::", 1), x.rsplit(sep=b",", maxsplit=0))
        print("  split", x.split(), x.split(None, 1), x.split(maxsplit=2), x.split(None, 0))
        print("  splitlines", x.splitlines(), x.splitlines(True), x.splitlines(keepends=1))
        for sub in (b"a", b":", 97, b""):
            print("  rindex", sub, show(lambda: x.rindex(sub)), show(lambda: x.rindex(sub, 1, -1)),
                  show(lambda: x.rfind(sub, 2)))

print("== the sep object itself for bytes, a copy for bytearray")
sep = bytearray(b",")
print(b"a,b".partition(sep)[1] is sep, bytearray(b"a,b").partition(sep)[1] is sep)
b = b"abc"
print(b.partition(b"z")[0] is b, b.rpartition(b"z")[2] is b, b.removeprefix(b"z") is b,
      b.removesuffix(b"") is b, bytearray(b).removeprefix(b"z"))
print(b"a,b".partition(memoryview(b","))[2], b"a,b".rsplit(memoryview(b",")))

print("== errors")
print(show(lambda: b"ab".partition("a")))
print(show(lambda: b"ab".partition(b"")))
print(show(lambda: bytearray(b"ab").rpartition(b"")))
print(show(lambda: b"ab".partition()))
print(show(lambda: b"ab".partition(sep=b"a")))
print(show(lambda: b"ab".removeprefix("a")))
print(show(lambda: b"ab".removesuffix(97)))
print(show(lambda: b"ab".removeprefix(b"a", b"b")))
print(show(lambda: b"ab".rsplit(b"")))
print(show(lambda: b"ab".rsplit("a")))
print(show(lambda: b"ab".rsplit(b"a", 1, 2)))
print(show(lambda: b"ab".rsplit(maxsplit="1")))
print(show(lambda: b"ab".split(b"a", 1, 2)))
print(show(lambda: b"ab".splitlines("x")))
print(show(lambda: b"ab".splitlines(2.0)))
print(show(lambda: b"ab".splitlines(True, False)))
print(show(lambda: b"ab".rindex(b"z")))
print(show(lambda: b"ab".rindex(300)))
print(show(lambda: b"ab".rindex()))
print(show(lambda: b"ab".find("a")))
print(show(lambda: b"ab".count("a")))
print(show(lambda: b"ab".index(1.5)))
print(show(lambda: b"ab".strip(x=1)))
print(show(lambda: b"ab".replace(b"a")))

print("== bytearray.remove")
ba = bytearray(b"abcabc")
ba.remove(98)
print(ba)
print(show(lambda: ba.remove(b"a")), show(lambda: ba.remove(300)), show(lambda: ba.remove(120)))
print(show(lambda: ba.remove()))

print("== bytearray repr quotes and in-place *")
print(repr(bytearray(b"it's")), repr(bytearray(b"'\"")), repr(bytearray(b'"')), repr(b"it's"))
ba = bytearray(b"ab")
alias = ba
ba *= 3
print(ba is alias, ba)
ba *= 0
print(ba is alias, ba)
print(show(lambda: bytearray(b"x").__imul__(2)))
ba = bytearray(b"x")
try:
    ba *= "a"
except TypeError as e:
    print(e)
ba = bytearray()
print(ba.__alloc__() >= 0, all(len(ba) < (ba.extend(b"x") or ba.__alloc__()) for _ in range(50)))
print(bytes.__bytes__(b"ab"), b"ab".__getnewargs__())


class B(bytes):
    pass


print(type(B(b"q").__bytes__()).__name__, B(b"q").__getnewargs__())
import pickle
print(pickle.loads(pickle.dumps(B(b"sub"), 2)), type(pickle.loads(pickle.dumps(B(b"sub"), 2))).__name__)

print("== positional-only argument texts of the older methods")
for call in (lambda: b"ab".find(), lambda: b"ab".count(b"a", 1, 2, 3), lambda: b"ab".startswith(b"a", start=1),
             lambda: b"ab".strip(b"a", b"b"), lambda: b"ab".lstrip(bytes=b"a"), lambda: b"ab".replace(b"a", b"b", count=1),
             lambda: b"ab".join(), lambda: b"ab".join(iterable_of_bytes=[]), lambda: b"ab".translate(),
             lambda: b"ab".translate(table=None), lambda: b"ab".translate(None, b"a", b"b"),
             lambda: bytes.maketrans(b"a"), lambda: bytes.maketrans(frm=b"a", to=b"b"), lambda: bytes.fromhex(),
             lambda: bytearray.fromhex(string="aa"), lambda: bytearray().append(), lambda: bytearray().append(item=1),
             lambda: bytearray().insert(1), lambda: bytearray(b"a").pop(0, 1), lambda: bytearray(b"a").pop(index=0),
             lambda: bytearray().clear(1), lambda: bytearray().copy(1), lambda: bytearray().reverse(1),
             lambda: bytearray().extend()):
    print(show(call))
print(b"ab".translate(None, delete=b"a"), b"a b".split(sep=None, maxsplit=0), b"ab".hex(sep=":"))
