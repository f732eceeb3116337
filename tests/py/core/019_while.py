# while loops with break and continue; a loop whose condition is false from the start.
i = 0
while i < 5:
    print("i =", i)
    i += 1
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps", steps)
k = 0
while True:
    k += 1
    if k % 2 == 0:
        continue
    if k > 9:
        break
    print("odd", k)
while False:
    print("never")
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print(a, b)
