# functools: reduce, partial, wraps, lru_cache (sized and bare), cache, cmp_to_key, total_ordering.
import functools
from functools import reduce, partial, wraps, lru_cache, cache, cmp_to_key, total_ordering
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
p = partial(pow, 2)
print(p(10), p.args, p.keywords)
def f(a, b, c=3): return (a, b, c)
q = partial(f, 1, c=9)
print(q(2), repr(partial(f, 1, c=9))[:25])
def deco(fn):
    @wraps(fn)
    def inner(*a): return fn(*a)
    return inner
@deco
def hello():
    "doc"
    return 1
print(hello.__name__, hello.__wrapped__ is not None)
@lru_cache(maxsize=2)
def sq(x):
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@lru_cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(50), fib.cache_info())
@cache
def g(x): return x + 1
print(g(1), g(1), g.cache_info())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(1) <= V(0))
print(hello.__name__, sq.__name__)
