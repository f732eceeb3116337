# Arbitrary-precision integers: growth past 64 bits, mixing with small ints, negative big numbers.
print(2 ** 64, 2 ** 63 - 1, -(2 ** 63))
print(2 ** 200)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // 2 ** 40, f % 1000003)
big = 2 ** 100
print(big + 1, big - 1, big * 3, big // 7, big % 7)
print(-big, -big // 3, -big % 3)
print(big * -big)
print(big - big, big == 2 ** 100, big > 2 ** 99, -big < 0)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(4611686018427387904 * 2)
print(3037000500 * 3037000500)
print(10 ** 30 // 10 ** 15, 10 ** 30 % (10 ** 15 + 7))
print(abs(-big), (big + 5) - big)
print(int("123456789012345678901234567890") + 1)
print(str(-(10 ** 25)), len(str(2 ** 1000)))
