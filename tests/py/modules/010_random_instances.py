# random.Random: generators of their own with CPython's sequences, getstate/setstate on instances and
# on the module, subclasses of Random, and setstate's errors.
import random

a = random.Random(42)
b = random.Random(42)
print(a.random(), b.random(), a.randint(1, 10), a.choice("abcdef"), a.randrange(0, 100, 7), a.uniform(1, 2))
deck = list(range(10))
a.shuffle(deck)
print(deck, a.sample(range(50), 4), a.choices("xyz", k=4), round(a.gauss(0, 1), 10), a.getrandbits(40))
random.seed(42)
print(random.random() == random.Random(42).random(), type(a).__name__, isinstance(a, random.Random), repr(random.Random))

state = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)], state[0], len(state[1]), state[1][-1], state[2])
a.gauss(0, 1)
with_gauss = a.getstate()
g1 = a.gauss(0, 1)
a.setstate(with_gauss)
print(with_gauss[2] is not None, g1 == a.gauss(0, 1))

random.seed(7)
saved = random.getstate()
x = [random.randint(0, 1000) for _ in range(5)]
random.setstate(saved)
print(x == [random.randint(0, 1000) for _ in range(5)], random.getstate() != saved)
c = random.Random()
c.setstate(saved)
print(c.randint(0, 1000) == x[0])
c.seed(3)
d = random.Random(3)
print(c.random() == d.random(), random.Random(2.5).random(), random.Random(-7).random() == random.Random(7).random())


class Dice(random.Random):
    def __init__(self, sides, seed=None):
        super().__init__(seed)
        self.sides = sides

    def roll(self):
        return self.randint(1, self.sides)


class Plain(random.Random):
    pass


class Named(random.Random):
    def __init__(self, name):
        self.name = name


dice = Dice(6, seed=1)
print([dice.roll() for _ in range(8)], dice.sides, isinstance(dice, random.Random), Dice(20, 5).roll())
print(Plain(9).random() == random.Random(9).random(), Named("abc").name, Named("abc").random())


def attempt(f):
    try:
        f()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)


r = random.Random(5)
attempt(lambda: random.Random(1, 2))
attempt(lambda: r.setstate(5))
attempt(lambda: r.setstate((3, 1)))
attempt(lambda: r.setstate((3, 1, 2, 4)))
attempt(lambda: r.setstate((3, [1], None)))
attempt(lambda: r.setstate((3, (1,), None)))
attempt(lambda: r.setstate((3, ("a",) * 625, None)))
attempt(lambda: r.setstate((3, (-1,) * 625, None)))
attempt(lambda: r.setstate((3, (2 ** 64,) * 625, None)))
attempt(lambda: r.setstate((3, (1,) * 624 + (625,), None)))
attempt(lambda: r.setstate((4, (1,), None)))
attempt(lambda: r.setstate(("x", (1,), None)))
attempt(lambda: r.getstate(1))
attempt(lambda: r.setstate())
r.setstate((3, (2 ** 32 + 5,) * 624 + (624,), None))
print(r.getstate()[1][:3], r.random())
