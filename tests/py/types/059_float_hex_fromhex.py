# float.hex() and float.fromhex(): CPython's text, exact round trips, correct rounding of long
# hexadecimal strings, and its errors.
for x in [0.1, -0.1, 1.0, 0.0, -0.0, 1.5, 3.14159, 1e308, 5e-324, 2.2250738585072014e-308, 1e-310, 2.0**-1074 * 3,
          float("inf"), float("-inf"), float("nan"), 123456789.0, 2.0**52 + 1]:
    h = x.hex()
    print(repr(x), h, repr(float.fromhex(h)))
for text in ["0x1.8p1", " -0X1.8P-1 ", "inf", "-Infinity", "nan", "+NaN", "1", "0x.8", "0x1.", ".8", "ff", "1e1",
             "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.00000000000008p0", "0x1.00000000000018p0",
             "0x1.fffffffffffffp1023", "0x0.0000000000001p-1022", "0x0.00000000000008p-1022",
             "0x0.00000000000018p-1022", "0x1p-99999", "0X1P+10", "\t0x10\n", "0x1p+99999999999999999999",
             "0x", "0x1p", "0x1p+", "0x1_0", "0x1.8q1", "", " ", "0x.p1", "--1", "0x1 2", "infinit", "0xg",
             "0x1.fffffffffffff8p1023", "0x1p1024", "\u0661"]:
    try:
        print(ascii(text), repr(float.fromhex(text)))
    except (ValueError, OverflowError) as e:
        print(ascii(text), type(e).__name__, e)
for bad in [1, b"0x1", None]:
    try:
        float.fromhex(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    (1.0).hex(1)
except TypeError as e:
    print("TypeError", e)


class F(float):
    pass


print(type(F.fromhex("0x1p1")).__name__, F.fromhex("0x1p1"), float.hex(2.5), float.fromhex.__doc__.splitlines()[0])
