# Conversions: int with bases and whitespace, float from text, str/repr/bool, chr/ord, isinstance.
print(int("42"), int(" 42 "), int("-17"), int("+5"), int("ff", 16), int("0xff", 16), int("777", 8))
print(int("1010", 2), int("z", 36), int(3.99), int(-2.5), int(True), int(), int("1_000"))
print(float("1.5"), float(" -2.25 "), float("1e3"), float(3), float("inf"), float("-nan"))
print(str(42), str(-1.5), str([1, "a"]), str(None), repr("q"), repr(3), repr([None, "s"]))
print(bool(""), bool("0"), bool([]), bool(0.0), bool(-1))
print(chr(65), chr(97), ord("A"), ord("z"), chr(ord("a") + 1), ord("\n"))
print(isinstance(5, int), isinstance(5, (str, float)), isinstance(5.0, (str, float)))
print(isinstance(True, int), isinstance("s", str), isinstance([], list), isinstance({}, dict))
print(isinstance((1,), tuple), isinstance(None, int))
print(type(1).__name__, type("s").__name__, type(2.0).__name__, type([]).__name__, type(None).__name__)
print(list("ab"), tuple([1, 2]), list((3, 4)), tuple("xy"), list({"a": 1}))
print(hex(255), oct(8), bin(5), hex(-1))
for text in ["12", "1.5", "abc", ""]:
    try:
        print(int(text))
    except ValueError as e:
        print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
