# __slots__: instances keep exactly the listed attributes, have no __dict__, and slots are inherited.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p.x, p.y, p.norm2(), hasattr(p, "__dict__"), Point.x, type(Point.x).__name__)
p.x = 10
print(p.x, getattr(p, "y"), Point.x.__get__(p, Point), Point.y.__get__(None, Point))
Point.y.__set__(p, 7)
print(p.y)
del p.y
print(hasattr(p, "y"))
try:
    p.y
except AttributeError as e:
    print(e)
try:
    p.z = 1
except AttributeError as e:
    print(e)
try:
    del p.y
except AttributeError as e:
    print("del:", e)
setattr(p, "y", 5)
print(p.y, sorted(k for k in Point.__dict__ if not k.startswith("__")), Point.__slots__)


class Point3(Point):
    __slots__ = "z"

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

q = Point3(1, 2, 3)
print(q.x, q.y, q.z, q.norm2(), hasattr(q, "__dict__"), isinstance(q, Point), Point3.z)


class Loose(Point):
    pass

l = Loose(1, 2)
l.color = "red"
print(l.x, l.color, l.__dict__, vars(l))


class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)


class Empty:
    __slots__ = ()

e = Empty()
try:
    e.anything = 1
except AttributeError as err:
    print(err)
print(hasattr(e, "__dict__"), Empty.__slots__)


class Prop:
    __slots__ = ("_v",)

    @property
    def v(self):
        return self._v * 2

    @v.setter
    def v(self, value):
        self._v = value

pr = Prop()
pr.v = 21
print(pr.v, pr._v)


class Counter:
    __slots__ = ["count", "step"]
    kind = "counter"

    def __init__(self):
        self.count = 0
        self.step = 1

    def tick(self):
        self.count += self.step
        return self

c = Counter()
for _ in range(5):
    c.tick()
print(c.count, c.kind, Counter.kind)
try:
    c.kind = "other"
except AttributeError as err:
    print(err)


class Pair(tuple):
    __slots__ = ()

    @property
    def first(self):
        return self[0]

pair = Pair((1, 2))
print(pair, pair.first, hasattr(pair, "__dict__"))


class Stack(list):
    __slots__ = ("name",)

s = Stack([1, 2])
s.name = "st"
s.append(3)
print(s, s.name, hasattr(s, "__dict__"))
try:
    s.other = 1
except AttributeError as err:
    print(err)


class Meters(float):
    __slots__ = ("unit",)

m = Meters(2.5)
m.unit = "m"
print(m, m.unit, m * 2)


class Problem(Exception):
    __slots__ = ("code",)

pb = Problem("bad")
pb.code = 7
pb.extra = "exceptions keep a __dict__"
print(pb, pb.code, pb.extra)


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

head = None
for i in range(1000):
    head = Node(i, head)
total = 0
while head:
    total += head.value
    head = head.next
print(total)


class Doc:
    __slots__ = {"a": "the a", "b": "the b"}

d = Doc()
d.a = 1
print(d.a, sorted(Doc.__slots__))
try:
    Point.x.__get__(5)
except TypeError as err:
    print(err)
