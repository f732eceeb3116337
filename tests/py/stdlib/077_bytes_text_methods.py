# bytes and bytearray: the ASCII text methods (case mapping, is*() tests, padding, expandtabs),
# each on the same samples for both types, with CPython's results, result types and errors.

SAMPLES = [b"", b"a", b"A", b"hello World", b"HELLO", b"hello", b"Hello World", b"hELLO wORLD",
           b"3rd-place x1", b"  spaced  out ", b"a\tb\tc", b"\t\tx\n\ty\r\tz", b"\xe9t\xe9 \xc9T\xc9",
           b"123", b"-42", b"+7", b"-", b"abc123", b"a_b", b"\x00\x7f\x80\xff", b"\x0b\x0c \t\r\n",
           b"They're Bill's", b"Title Case Here", b"Not a Title", b"1A", b"A1b"]

NO_ARG = ["upper", "lower", "swapcase", "capitalize", "title", "isdigit", "isalpha", "isalnum",
          "isspace", "isascii", "islower", "isupper", "istitle"]


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
        print(repr(s), [getattr(x, name)() for name in NO_ARG])
        print("  ", x.ljust(16, b"*"), x.rjust(16), x.center(15, b"."), x.center(16), x.zfill(8))
        print("  ", x.expandtabs(), x.expandtabs(4), x.expandtabs(tabsize=1), x.expandtabs(0), x.expandtabs(-3))

print("== identity: exact bytes comes back unchanged, bytearray never")
b = b"abc"
for f in (lambda x: x.ljust(2), lambda x: x.rjust(3), lambda x: x.center(-1), lambda x: x.zfill(3)):
    print(f(b) is b, type(f(bytearray(b))).__name__, f(bytearray(b)) is b)


class B(bytes):
    pass


print(type(B(b"x").upper()).__name__, type(B(b"x").ljust(3)).__name__, B(b"x").ljust(0) == b"x")
print(type(B(b"x").ljust(0)).__name__)

print("== fill bytes")
print(b"ab".ljust(5, bytearray(b"-")), bytearray(b"ab").center(6, b"="), b"ab".rjust(4, b"\x00"))
for fill in ("x", b"xy", b"", memoryview(b"x"), 120, None):
    print(show(lambda: b"ab".ljust(5, fill)), show(lambda: bytearray(b"ab").center(5, fill)))

print("== argument errors")
print(show(lambda: b"ab".ljust(width=5)))
print(show(lambda: bytearray(b"ab").rjust(5, fillchar=b"x")))
print(show(lambda: b"ab".ljust()))
print(show(lambda: b"ab".center(5, b"x", 1)))
print(show(lambda: b"ab".zfill()))
print(show(lambda: b"ab".zfill(1, 2)))
print(show(lambda: b"ab".zfill("5")))
print(show(lambda: b"ab".ljust(5.0)))
print(show(lambda: b"ab".upper(1)))
print(show(lambda: bytearray(b"ab").isascii(1)))
print(show(lambda: b"ab".title(x=1)))
print(show(lambda: b"ab".expandtabs("4")))
print(show(lambda: b"ab".expandtabs(4, 5)))
print(show(lambda: b"ab".expandtabs(size=4)))
print(show(lambda: b"\ta".expandtabs(2**40)))
print(show(lambda: bytes.title("a")))
print(show(lambda: bytearray.swapcase(b"a")))
print(show(lambda: bytes.capitalize()))
print(show(lambda: b"x".ljust(True)), show(lambda: b"x".zfill(False)))
