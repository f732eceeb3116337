# dict's checks for changes made while it is used, as CPython 3.11's: a key deleted and added back
# during iteration ("keys changed"), a source dict changed during update(), setdefault hashing its
# key once; items views compared by containment (values compared with ==, never hashed).
for make in (lambda d: d, lambda d: d.items(), lambda d: d.values()):
    d = {0: 0}
    try:
        for _ in make(d):
            del d[0]
            d[0] = 0
        print("no error")
    except RuntimeError as e:
        print("RuntimeError", e)

d = {1: 1, 2: 2}
it = iter(d)
next(it)
del d[1]
d[3] = 3
try:
    print(next(it), list(it))
except RuntimeError as e:
    print("RuntimeError", e)
print(list(it))


class X:
    def __hash__(self):
        return 0

    def __eq__(self, o):
        other.clear()
        return False


other = dict((i, 0) for i in range(1, 100))
other[X()] = 0
target = {X(): 0, 1: 1}
try:
    target.update(other)
except RuntimeError as e:
    print("RuntimeError", e)


class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0

    def __hash__(self):
        self.hash_count += 1
        return 42

    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)


h1, h2 = Hashed(), Hashed()
y = {h1: 5}
print(y.setdefault(h2, []), y.setdefault(h1, 0), h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)

d1 = {1: [1], 2: 'x'}
d2 = {1: [1], 2: 'x'}
d3 = {1: [1]}
print(d1.items() == d2.items(), d1.items() != d2.items(), d3.items() < d1.items(), d1.items() > d3.items(),
      d1.items() <= d2.items(), d1.keys() == {1, 2}, d1.keys() < {1, 2, 3}, {1, 2} == d1.keys(),
      d1.keys() == [1, 2], d1.values() == d1.values())


class C:
    def __eq__(self, other):
        raise ValueError("compared")


try:
    {1: C()}.items() == {1: C()}.items()
except ValueError as e:
    print("ValueError", e)
q = {}
for i in range(5):
    q[i] = i
while q:
    print(q.popitem(), end=" ")
print()
