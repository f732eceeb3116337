# reversed() of a dict and its views (and the views' mapping/isdisjoint); special methods (__float__,
# __index__, __reversed__, __complex__) are looked up on the type, never the instance or a class itself;
# join of a non-iterable; ord() of one byte; 0.0 ** -inf; %c beyond a C long. From tools/difffuzz seeds 10-14.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: '%c' % 2**70)
show(lambda: '%c' % 2**40)
show(lambda: b'%c' % 2**70)
show(lambda: float(int))
show(lambda: int(float))
show(lambda: complex(int))
show(lambda: ord(b'xxxxx'))
show(lambda: ord(b'x'))
show(lambda: ord(bytearray(b'y')))
show(lambda: ord(''))
show(lambda: ','.join(5))
show(lambda: ','.join([1]))
show(lambda: list(reversed({1: 2, 3: 4})))
show(lambda: list(reversed({1: 2, 3: 4}.keys())))
show(lambda: list(reversed({1: 2, 3: 4}.values())))
show(lambda: list(reversed({1: 2, 3: 4}.items())))
show(lambda: reversed({}) + 1.5)
show(lambda: b''.join(5))
show(lambda: b','.join([1]))
show(lambda: ','.join(x for x in 'ab'))
show(lambda: 0.0 ** float('-inf'))
show(lambda: (-0.0) ** float('-inf'))
show(lambda: 0.0 ** float('inf'))
show(lambda: 0.0 ** -2.0)
show(lambda: False ** float('-inf'))
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
d['d'] = 4
show(lambda: list(reversed(d)))
show(lambda: list(reversed(d.items())))
show(lambda: type(reversed(d)).__name__ + ' ' + type(reversed(d.values())).__name__ + ' ' + type(reversed(d.items())).__name__)
show(lambda: d.keys().mapping['a'])
show(lambda: d.values().mapping)
show(lambda: d.keys().isdisjoint(['x', 'y']))
show(lambda: d.keys().isdisjoint(['x', 'a']))
show(lambda: d.items().isdisjoint([('a', 1)]))
show(lambda: hasattr(d.values(), 'isdisjoint'))
def mutate():
    e = {1: 1, 2: 2}
    r = reversed(e)
    next(r)
    e[3] = 3
    return next(r)
show(mutate)
class WithFloat:
    def __float__(self): return 2.5
    def __index__(self): return 7
w = WithFloat()
w.__float__ = lambda: 9.0
show(lambda: float(w))
show(lambda: int(WithFloat))
show(lambda: complex(int))
class R:
    def __reversed__(self): return iter([3, 2, 1])
show(lambda: list(reversed(R())))
show(lambda: reversed(R))
