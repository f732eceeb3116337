# The native collections.deque: both ends, maxlen, rotate, indexing, the sequence methods and their
# CPython error texts, iteration that notices a change, comparisons, repr, copy and pickling, and
# classes derived from deque (their own __init__, attributes, __slots__).
import copy
import pickle
from collections import deque

d = deque([1, 2, 3], 5)
d.append(4)
d.appendleft(0)
d.append(5)
print(d, len(d), d.maxlen, d[0], d[-1], bool(d), bool(deque()))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.pop(), d.popleft(), d)
d.insert(1, "x")
print(d, d.index("x"), d.count(3), 3 in d, 99 in d)
d.remove("x")
del d[0]
d[-1] = "last"
print(d)
e = deque(range(10))
e.extendleft("abc")
print(e, list(reversed(e)), e.index(5, 2, -1))
e.reverse()
print(e)
e.clear()
print(e, deque(maxlen=3), deque([], 0))

# maxlen drops from the other end; 0 keeps nothing.
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m)
m.extendleft([10, 11])
print(m)
z = deque(maxlen=0)
z.extend(range(5))
print(z)

# Operators.
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque("ab"), deque([1]) * 0)
r = deque([1, 2], 3)
r *= 4
print(r)
r += [7]
print(r)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) != [1], deque("ab") >= deque("a"))

for action in (
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: deque([1])[5],
    lambda: deque([1])["a"],
    lambda: deque([1])[0:1],
    lambda: deque([1]).remove(2),
    lambda: deque([1]).index(2),
    lambda: deque([1]) + [2],
    lambda: deque([1]) * "a",
    lambda: deque(maxlen=-1),
    lambda: deque(maxlen="a"),
    lambda: deque([1, 2], 2).insert(0, 9),
    lambda: deque(1),
    lambda: deque(1, 2, 3),
    lambda: hash(deque()),
    lambda: deque([1]) < 3,
    lambda: deque([1]).count(),
):
    try:
        print(action())
    except Exception as exc:
        print(type(exc).__name__, exc)

try:
    d.maxlen = 3
except AttributeError:
    print("maxlen is read-only")

# Iterators notice a change in size, even on an empty deque.
for source in (deque([1, 2, 3]), deque()):
    it = iter(source)
    source.append(9)
    try:
        next(it)
    except RuntimeError as exc:
        print(exc)
it = iter(deque("abc"))
next(it)
print(it.__length_hint__(), list(it), type(it).__name__, type(reversed(deque())).__name__)

# A deque that holds itself prints as [...].
s = deque([1, 2])
s.append(s)
print(s)

# copy, pickle (the iterator too), __class_getitem__.
print(copy.copy(deque([1, 2], 4)), copy.deepcopy(deque([[1]])), deque([3]).copy())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(deque("xyz", 7), proto))
    print(proto, p, p.maxlen, end="; ")
print()
it = iter(deque(range(5)))
next(it)
print(list(pickle.loads(pickle.dumps(it))), deque[int])


class Pair(deque):
    def __init__(self, x):
        super().__init__([x, x], 4)


class Plain(deque):
    pass


class Slotted(deque):
    __slots__ = ("tag",)


p = Pair(3)
p.append(4)
print(p, type(p).__name__, p.maxlen, isinstance(p, deque))
q = Plain("ab", 3)
q.note = "hi"
q2 = pickle.loads(pickle.dumps(q))
print(q, q2, q2.note, type(q2).__name__, type(q.copy()).__name__, q + deque("c"))
sl = Slotted([1])
sl.tag = 5
print(sl, sl.tag)
