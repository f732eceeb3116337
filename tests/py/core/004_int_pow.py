# Exponentiation: right-associative, binds tighter than unary minus; negative exponents give floats.
print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** 3 ** 2)
print((2 ** 3) ** 2)
print(-2 ** 2)
print(2 ** -1, 10 ** -2)
print(pow(2, 8), pow(-3, 3))
x = 3
x **= 4
print(x)
print(1 ** 1000, (-1) ** 1001)
