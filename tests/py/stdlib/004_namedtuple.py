# collections.namedtuple: construction, defaults, fields, _asdict/_replace/_make, equality, hashing.
from collections import namedtuple
P = namedtuple("Point", "x y")
p = P(1, y=2); print(p, p.x, p[1], len(p), list(p), p._fields, P._fields)
a, b = p; print(a, b, p == P(1, 2), p != P(2, 1), hash(p) == hash(P(1, 2)), p._asdict())
print(p._replace(y=5), P._make([3, 4]))
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0, 9]); print(Q(1), Q(1, c=3))
try:
    p.x = 5
except AttributeError:
    print("immutable")
print({p: 1}[P(1, 2)], sorted([P(2, 1), P(1, 2)], key=lambda t: t.x))
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError")
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()), P(*(5, 6)).y)
