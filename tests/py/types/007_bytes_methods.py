# bytes methods: searching, splitting, joining, stripping, replacing, case.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b"xxhixx".strip(b"x"))
print(b.upper(), b.lower())
print(b"a,b,,c".split(b","), b"a b  c ".split(), b"a,b,c".split(b",", 1))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(b"z"), b"hello".find(108))
print(b"hello".index(b"e"), b"hello".count(b"l"), b"aaa".count(b""))
print(b"hello".startswith(b"he"), b"hello".endswith(b"lo"), b"hello".startswith((b"x", b"h")))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"L", 1), b"ab".replace(b"", b"-"))
print(b"123".isdigit(), b"abc".isalpha(), b" \t".isspace(), b"".isdigit())
try:
    b"abc".index(b"z")
except ValueError as e:
    print("ValueError:", e)
try:
    b"a".join(["x"])
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".split(b"")
except ValueError as e:
    print("ValueError:", e)
