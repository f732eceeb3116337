# Integer arithmetic: + - * with precedence and parentheses, unary minus, augmented assignment.
a = 7
b = 3
print(a + b, a - b, a * b)
print(b - a, -a, +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4 * 5)
print(10 - 2 - 3, 100 - (2 - 3))
x = 5
x += 3
print(x)
x -= 10
print(x)
x *= -4
print(x)
x //= 3
print(x)
x %= 5
print(x)
print(0 * 12345, 1 * -1, -1 * -1)
print(1_000_000 + 1)
print(0x1F, 0o17, 0b1011)
n = 0
for i in range(100):
    n = n + i * i
print(n)
