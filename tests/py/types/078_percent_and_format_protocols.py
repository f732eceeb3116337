# printf-style % and format() on numbers as CPython 3.11: %d/%i/%u take int(x) of anything numeric
# (__int__, __index__, a float truncated), %x/%o/%X only __index__, %c an int, __index__ or one
# character, with CPython's TypeErrors; format() of floats with a precision and no type, '#', and of
# complex numbers; the __format__ methods of int, float, complex and str.
import fractions


class Index:
    def __index__(self):
        return 42


class Int:
    def __int__(self):
        return 7


class Float:
    def __float__(self):
        return 2.5


class Both:
    def __index__(self):
        return 3

    def __int__(self):
        return 4


class Repr:
    def __repr__(self):
        return "R\u00e9"


tests = [
    ("%d", Index()), ("%d", Int()), ("%d", Float()), ("%d", Both()), ("%x", Index()), ("%x", Int()),
    ("%o", Index()), ("%X", Both()), ("%i", 3.7), ("%d", -3.7), ("%x", 3.7), ("%o", 2.0), ("%u", -3),
    ("%d", True), ("%x", True), ("%f", Index()), ("%f", Int()), ("%f", Float()), ("%e", Both()),
    ("%g", "x"), ("%f", "x"), ("%d", "x"), ("%x", "x"), ("%d", 1j), ("%x", 1j), ("%f", 1j), ("%d", None),
    ("%d", fractions.Fraction(7, 2)), ("%x", fractions.Fraction(7, 2)), ("%.2f", fractions.Fraction(1, 3)),
    ("%d", 10**30), ("%x", -10**30), ("%f", 10**30), ("%f", 10**400), ("%d", float("inf")),
    ("%d", float("nan")), ("%f", float("inf")), ("%F", float("nan")),
    ("%c", 65), ("%c", "A"), ("%c", "AB"), ("%c", 0x110000), ("%c", 256), ("%c", -1), ("%c", 10**30),
    ("%c", 3.5), ("%c", Index()), ("%c", Int()), ("%c", True), ("%3c|", "x"), ("%-3c|", 120),
    ("%r", Repr()), ("%a", Repr()), ("%s", Repr()), ("%a", "\u00e9\U0001f600"), ("%5r", "x"), ("%-6a", "é"),
    ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}),
    ("%(a)s %(b)d", {"a": 1, "b": Index()}), ("%(a)s", [1]), ("%(x", {"x": 1}),
    ("%", 1), ("%d %d", 1), ("%s", ()), ("abc", 5), ("abc", ()), ("abc", []), ("abc", {}), ("%y", 1),
    ("%*d", (5, 3)), ("%.*f", (2, 3.14159)), ("%-*d|", (-5, 3)), ("%*d", ("a", 3)), ("%*d", (3.0, 1)),
    ("%*d", (True, 1)), ("%.*d", (10**30, 1)), ("%*d", (10**30, 1)),
    ("%#x", 255), ("%#o", 8), ("%#X", 255), ("%+d", 5), ("% d", 5), ("%05d", -42), ("%-05d|", 42),
    ("%.3d", 5), ("%10.3d|", -5), ("%#.3x", 5), ("%x", -255), ("%#x", -255), ("%e", 1e100), ("%.0e", 5.5),
    ("%#.0f", 3.0), ("%g", 1e-5), ("%#g", 1.0), ("%5.1f%%", 99.5), ("%ld", 5), ("%hd", 5), ("%.1s", "xyz"),
]
for fmt, arg in tests:
    for kind in ("str", "bytes"):
        try:
            if kind == "bytes":
                a = arg.encode("utf-8") if isinstance(arg, str) else arg
                print(kind, repr(fmt), repr(fmt.encode("utf-8") % a))
            else:
                print(kind, repr(fmt), repr(fmt % arg))
        except Exception as e:
            print(kind, repr(fmt), type(e).__name__, e)
for arg in (bytearray(b"a"), memoryview(b"a"), b"ab"):
    try:
        print(b"%c" % arg)
    except TypeError as e:
        print(type(arg).__name__, e)

# format() of floats: with a precision and no type ('g' that keeps a '.0' and takes an exponent
# when all digits are before the point), with '#', and complex numbers.
floats = [0.0, -0.0, 1.0, 123.0, 100.0, 9.99, 0.5, 0.05, 1e-5, 12345.678, 1e16, 999999.5, -7.25e-9, 1 / 3]
for v in floats:
    row = [format(v, "#")]
    for p in (0, 1, 2, 3, 6):
        for flags in ("", "#", "+", ","):
            row.append(format(v, f"{flags}.{p}"))
    print(v, " ".join(row))
    print("  complex:", format(complex(v, -v), ""), format(complex(0, v), ".2"), format(complex(v, 1), "#"),
          format(complex(v, v), ".3e"), format(complex(1, v), "+.1f"), format(complex(v, 2), ">20,.2f") + "|")
print(format(1e20j, ",.1f"), format(float("nan") + 1j, ""), format(complex(float("inf"), -1), "E"))
print(f"{1+2j:>12.2f}|{-1j:+}|{complex(0, -0.0)}|{complex(-0.0, 1):g}|{2j:^9}|{3j:*<6}|{1j:z.1f}")
for spec in ("=5", "05", "0<5", "x", "d", "%", "c", "s", "0s", ",d", "_", "5s"):
    try:
        print(repr(spec), repr(format(1 + 2j, spec)))
    except ValueError as e:
        print(repr(spec), e)
for v, spec in ((10**20, "c"), (-1, "c"), (0x110000, "c"), (65, "c")):
    try:
        print(repr(format(v, spec)))
    except OverflowError as e:
        print(v, e)


# The built-in __format__ methods, as a subclass's super().__format__ reaches them.
class Money(float):
    def __format__(self, spec):
        return "$" + super().__format__(spec)


class Hexy(int):
    def __format__(self, spec):
        return int.__format__(self, spec or "x")


print(f"{Money(2.5):.2f} {Hexy(255)} {Hexy(255):d}", (5).__format__("03"), "ab".__format__("^6"))
print((1j).__format__("5"), (2.5).__format__(""), int.__format__(True, ""), complex.__format__(1j, "g"))
for call in (lambda: int.__format__(5, 1), lambda: float.__format__(5.0, None), lambda: str.__format__("a", b"")):
    try:
        call()
    except TypeError as e:
        print(e)

# Long precisions come out whole; '#' keeps the zeros when rounding carries into a new digit.
print(format(0.1, ".60f"), format(1 / 3, ".70"), format(1e300, ".330g")[-20:], "%.80f" % 0.1)
print(format(999999.5, "#.6"), format(999999.5, "#.6g"), format(9.9999, "#.3"), "%#.4g" % 99.999)
