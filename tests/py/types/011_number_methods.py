# Methods of int and float.
print((255).bit_length(), (0).bit_length(), (-8).bit_length(), (7).bit_count())
print((5).conjugate(), (5).as_integer_ratio(), (2.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer(), (2.5).conjugate())
print(int("ff", 16), int("0b101", 0), int(" 42 "), int(-3.9), round(2.5), round(3.5), round(2.675, 2))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(3, 4, 5), pow(2, -1, 7))
print(hex(255), oct(8), bin(5), hex(-255))
print(format(1234.5678, ",.2f"), format(42, "08b"), format(0.5, "%"), format(12, "^6"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (255).to_bytes(), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x00\x04", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2]), (2 ** 70).to_bytes(9, "big"), int.from_bytes((2 ** 70).to_bytes(9, "big"), "big") == 2 ** 70)
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"),
            lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
