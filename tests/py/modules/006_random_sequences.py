# random: choice, shuffle, sample, choices and gauss on a seeded generator.
import random

random.seed(1)
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for _ in range(6)], random.choice("abc"), random.choice(range(100)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(colors, 4), random.sample("xyz", 2))
print(random.sample(range(1000), 10))
print(random.choices(colors, k=5))
print(random.choices(colors, weights=[10, 1, 1, 1], k=6))
print(random.choices(colors, cum_weights=[1, 2, 3, 10], k=6))
print(random.choices([1, 2, 3]))
print([round(random.gauss(0, 1), 10) for _ in range(4)])
print(round(random.gauss(100, 15), 10), round(random.expovariate(2.0), 10))
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 2),
            lambda: random.randrange(0, 10, 0), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
            lambda: random.choices([1, 2], [1]), lambda: random.randint(1, 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
