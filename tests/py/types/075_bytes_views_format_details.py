# Details of built-in types that other suites check: bytes.fromhex skips every ASCII whitespace,
# stripping nothing from bytes gives the same object, dict.values() views hash by identity while
# keys()/items() do not, and format's 'c' presentation right-aligns like other integer formats.
for text in ["ab cd", "ab\tcd\nef ", "\x0bab\x0c", " 01 02 ", "ab c", "a b", "ab\x1ccd", "zz"]:
    try:
        print(repr(text), bytes.fromhex(text), bytearray.fromhex(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)

b = b"abc"
print(b.strip() is b, b.lstrip() is b, b.rstrip(b"x") is b, b.strip(b"a") is b)
print(bytearray(b"abc").strip() is bytearray(b"abc"))


class B(bytes):
    pass


sub = B(b"xy")
print(type(sub.strip()).__name__, sub.strip() is sub)

d = {1: 2}
v = d.values()
print(hash(v) == hash(v), type(hash(v)).__name__)
print({v: "ok"}[v])
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print("TypeError:", e)

for spec in ["4c", "<4c", ">4c", "^5c", "*^5c", "04c", "c", "=4c", "2c"]:
    print(spec, repr(format(65, spec)), repr(("{:" + spec + "}").format(0x263A)))
print(repr("%3c|%-3c|%c" % (65, "B", 0x41)))
