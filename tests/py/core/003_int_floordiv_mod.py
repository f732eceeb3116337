# Floor division and modulo round toward negative infinity, so the sign of % follows the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(17 // 5, 17 % 5)
print(-17 // 5, -17 % 5)
print(17 // -5, 17 % -5)
print(-17 // -5, -17 % -5)
print(divmod(-7, 2), divmod(7, -2))
print(-1 % 1000000007)
