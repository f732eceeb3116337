# Bitwise operators and shifts on small, negative and big integers.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(~0, ~-1, -a & 0xFF, -1 & 0xFFFF)
print(1 << 10, 1 << 70, 1024 >> 3, -1024 >> 3, -1 >> 5)
print((1 << 100) >> 98, (1 << 100) | 1, (1 << 100) & ((1 << 100) - 1))
print(5 ^ -3, -5 | 2, -6 & -3)
x = 1
x <<= 4
x |= 3
x ^= 1
x &= 0b10110
x >>= 1
print(x)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4)
print((2 ** 70 - 1) ^ (2 ** 69))
