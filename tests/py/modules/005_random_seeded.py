# random: a seeded generator gives exactly CPython's numbers (the same Mersenne Twister).
import random

for s in [0, 1, 2, 3, 42, 12345, 2 ** 40, -7, 2 ** 100]:
    random.seed(s)
    print(s, random.random(), random.random())
random.seed(42)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(100) for _ in range(5)])
print([random.randrange(10, 20, 3) for _ in range(5)], random.randrange(-5, 5), random.randrange(10, 0, -2))
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(70), random.getrandbits(0))
print(random.uniform(1, 2), random.uniform(5, -5))
print(random.randint(0, 2 ** 80))
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
b = [random.random() for _ in range(3)]
print(a == b)
random.seed(2.5)
print(random.random())
random.seed(None)
print(0.0 <= random.random() < 1.0)
