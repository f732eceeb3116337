# Float arithmetic: + - * /, floor division and modulo on floats, true division of ints.
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 4, 7.0 / 2)
print(7 / 2, 6 / 3, -7 / 2, 1 / 8)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(2.0 ** 10, 2 ** 0.5, 4 ** 0.5)
x = 1.0
for i in range(10):
    x = x * 1.5
print(x)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
print(-3.5, abs(-3.5), -(-0.5))
print(10 / 4 * 2, 1e3 / 1e-3)
