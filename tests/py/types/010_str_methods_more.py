# The less common str methods: casefold, expandtabs, isprintable, istitle, maketrans/translate, ...
print("Stra\u00dfe".casefold(), "ABC".casefold())
print(repr("a\tb\tc".expandtabs()), repr("ab\tc".expandtabs(4)), repr("\t".expandtabs(0)))
print("abc".isprintable(), "a\nb".isprintable(), "".isprintable())
print("Hello World".istitle(), "Hello world".istitle(), "".istitle())
print("123".isdecimal(), "\u00bd".isnumeric(), "\u00bd".isdecimal())
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("abcabc".rindex("b"), "abcabc".rfind("z"))
print("  xx  ".rstrip(), "xxhixx".rstrip("x"), "xxhixx".lstrip("x"))
table = str.maketrans("abc", "xyz")
print(sorted(table.items()))
print("aabbcc".translate(table))
print("hello world".translate(str.maketrans("lo", "01", " ")))
print("abc".translate({97: "AA", 98: None}))
print("abc".translate(str.maketrans({"a": "1", "b": None})))
print("x".center(5, "*"), "7".zfill(3), "-7".zfill(4))
print("a-b-c".rsplit("-", 1), "a\nb\r\nc".splitlines(), "a\nb".splitlines(True))
print("Title case words".title(), "sWAP".swapcase())
try:
    "abc".rindex("z")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print("ValueError:", e)
