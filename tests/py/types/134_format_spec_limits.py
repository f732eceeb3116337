# The format-spec mini-language's edge cases: 'z' with exponent and percent types, a doubled
# separator, and widths and precisions beyond C's int or Py_ssize_t.
import math
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for v in (-0.0, -1e-9, -0.004, math.inf, -math.inf, -1.0, -0.5):
    for s in ("z", "z.1E", "z.1e", "z.0f", "z.1%", "z.2g", "z.1G", "+z.1f", "z08.1f", "z,.1f"):
        t(f"{v!r}:{s}", lambda: format(v, s))
for s in ("1,,d", "1__d", ",_d", "_,d", ",_", "__", ",,", ",", "_", "_x", "_,x"):
    for o in (1, 1.0, "a", 1j):
        t(f"{o!r}:{s}", lambda: format(o, s))
big = sys.maxsize + 1
t("width maxsize+1", lambda: format(2.34, f"{big}f"))
t("precision maxsize+1", lambda: format(2.34, f".{big}f"))
t("precision 2**31", lambda: format(2.34, f".{2**31}f"))
t("complex precision 2**31", lambda: format(2j, f".{2**31}f"))
t("int precision 2**31", lambda: format(2, f".{2**31}f"))
t("str precision 2**31", lambda: format("abc", f".{2**31}"))
t("width 30", lambda: format(2.5, "30.3f"))
t("% width 2**64", lambda: "%%%df" % (2**64) % 3.2)
t("% precision 2**64", lambda: "%%.%df" % (2**64) % 3.2)
t("% precision 2**31", lambda: "%%.%df" % (2**31) % 3.2)
t("bytes % precision 2**31", lambda: b"%%.%df" % (2**31) % 3.2)
t("bytes % width 2**64", lambda: b"%%%df" % (2**64) % 3.2)
t("% precision 2**31-1 s", lambda: "%.2147483647s" % "abc")
t("% star precision", lambda: "%.*f" % (2**31, 1.0))
# Widths no memory holds are a MemoryError at once; zero padding with grouping groups the zeros.
for spec in ("9223372036854775807", ">10000000000000", "^999999999999"):
    t("huge width " + spec, lambda: format(1, spec))
for f in ("%9223372036854775807d", "%.50000000000x"):
    t("huge " + f, lambda: f % 7)
for v, spec in ((1234567, "020,d"), (-1234.5, "015,.1f"), (12, "09_x"), (1, "0,"), (123, "05,"), (1234, "06,"),
                (-1, "0=6,"), (5, "0200_b"), (1.5, "030_.2f")):
    t(f"{v!r}:{spec}", lambda: format(v, spec))
