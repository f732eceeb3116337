# printf-style formatting errors, with CPython's exact messages.
cases = [
    ("%d %d", (1,)),
    ("%d", (1, 2)),
    ("hello", 5),
    ("%d", "x"),
    ("%x", 1.5),
    ("%f", "x"),
    ("%c", "ab"),
    ("%z", 1),
    ("%", 1),
    ("%(a)s", 5),
    ("%(a)s", {"b": 1}),
    ("%c", 0x110000),
    ("%d", None),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# A mapping or a list as the single argument never complains about leftovers.
print("plain" % {})
print("plain" % [])
try:
    print(5 % "x")
except TypeError as e:
    print("TypeError:", e)
