# Instance attributes shadowing class attributes and methods, and methods monkeypatched on the
# class, a base, and the instance, all read through the same instructions in loops.


class Shape:
    sides = 0

    def area(self):
        return 0

    def describe(self):
        return "%s with %d sides, area %s" % (type(self).__name__, self.sides, self.area())


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Triangle(Shape):
    sides = 3

    def __init__(self, b, h):
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h / 2


shapes = [Square(2), Triangle(3, 4), Square(3), Shape()]
for _ in range(2):
    print([s.describe() for s in shapes])

shapes[0].sides = 40
shapes[0].area = lambda: "patched on instance"
print([s.describe() for s in shapes])
del shapes[0].area
Square.area = lambda self: -self.s
print([s.describe() for s in shapes])
Shape.area = lambda self: "base area"
del Square.area
print([s.describe() for s in shapes])
Shape.sides = 99
del Triangle.sides
print([s.describe() for s in shapes])


# A method replaced while a loop keeps calling it.
class Counter:
    def __init__(self):
        self.n = 0

    def step(self):
        self.n += 1
        if self.n == 3:
            Counter.step = Counter.step2
        return "step"

    def step2(self):
        self.n += 10
        return "step2"


c = Counter()
print([c.step() for _ in range(5)], c.n)

# A staticmethod and a classmethod replacing a plain method, and a plain value replacing them.
class K:
    def m(self):
        return "method"


k = K()


def call_m(o):
    return o.m()


print(call_m(k))
K.m = staticmethod(lambda: "static")
print(call_m(k))
K.m = classmethod(lambda cls: "class " + cls.__name__)
print(call_m(k))
K.m = len
try:
    print(call_m(k))
except TypeError as e:
    print("TypeError", e)
K.m = 5
try:
    call_m(k)
except TypeError as e:
    print("TypeError", e)
print(k.m)
