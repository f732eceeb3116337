# math: exact integer functions on arbitrarily large ints.
import math

print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.factorial(30))
print(len(str(math.factorial(100))))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5))
print(math.gcd(2 ** 100, 6 ** 50))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40 + 1))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(10, 3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.fsum([]), math.fsum(range(10)), math.fsum([0.5, 0.25]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 6), start=10))
print(math.prod([3, 3]), math.prod((2,) * 70))
