# collections.OrderedDict (minipy's native one in _collections): order-sensitive equality, move_to_end,
# popitem(last=), reversed views, |, pickle/copy, subclasses, repr, and CPython's RuntimeErrors for
# an OrderedDict changed while it is iterated.
from collections import OrderedDict as OD
def tryit(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
def it_mut(mut, view=lambda o: o):
    od = OD(a=1, b=2, c=3)
    def f():
        out = []
        for k in view(od):
            out.append(k); mut(od)
        return out
    tryit(f)
it_mut(lambda o: o.move_to_end('a'))
it_mut(lambda o: o.move_to_end('c', last=False))
it_mut(lambda o: o.__setitem__('z', 1))
it_mut(lambda o: o.__setitem__('a', 9))
it_mut(lambda o: o.pop('c', None))
it_mut(lambda o: dict.__setitem__(o, 'q', 1))
it_mut(lambda o: (o.pop('c', None), o.__setitem__('d', 1)))
it_mut(lambda o: o.__setitem__('z', 1), lambda o: o.values())
it_mut(lambda o: o.__setitem__('z', 1), lambda o: o.items())
it_mut(lambda o: o.__setitem__('z', 1), lambda o: reversed(o))
it_mut(lambda o: o.clear())
od = OD([('a', 1), ('b', 2)])
print(od, repr(OD()), OD(a=OD(b=1)))
print(od == OD([('b', 2), ('a', 1)]), od == {'b': 2, 'a': 1}, {'b': 2, 'a': 1} == od, od != OD([('b', 2), ('a', 1)]))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.keys(), od.values(), od.items(), type(od.keys()).__name__, type(iter(od)).__name__, type(reversed(od)).__name__)
r = od.__reduce__(); print(r[:4], list(r[4]))
od.move_to_end('a', last=False); print(od); od.move_to_end('a'); print(od)
tryit(lambda: od.move_to_end('zz'))
print(od.popitem(), od.popitem(last=False) if od else None, od)
tryit(lambda: od.popitem())
od = OD.fromkeys('abc', 0); print(od | {'z': 1}, {'z': 1} | od, type({'z':1}|od).__name__)
od |= [('x', 1)]; print(od)
class Sub(OD): pass
s = Sub(a=1); print(s, s.copy(), type(s.copy()).__name__, s.__reduce__()[0])
import copy, pickle
print(copy.copy(od), copy.deepcopy(od), pickle.loads(pickle.dumps(od)))
print(od.setdefault('n', 5), od.pop('n'), od.pop('n', 'dflt')); tryit(lambda: od.pop('n'))
od2 = OD(); od2['self'] = od2; print(od2)
print(OD.__module__, OD.__name__, OD.__qualname__, OD.__mro__)
tryit(lambda: OD(1, 2)); tryit(lambda: OD(5)); tryit(lambda: OD.move_to_end(od))
print(od.__dict__, od.__sizeof__() > 0)
od.x = 1; print(od.x)
tryit(lambda: hash(od))
print(OD(b=1, a=2) == OD(a=2, b=1), dict(OD(b=1)), list(OD(b=1, a=2)))
print(od.keys() == {'a','b','c','x'} , od.items() & {('a', 0)}, 'a' in od.keys(), ('a', 0) in od.items())
print(type(reversed(od.keys())).__name__, hasattr(iter(od.items()), '__length_hint__'))
it = iter(od.items()); next(it); print(it.__reduce__()[1])
od.x = 7; c = copy.copy(od); print(c.x, pickle.loads(pickle.dumps(od)).x, s.__reduce__()[2])
print(OD.fromkeys('ab', value=3), Sub.fromkeys('xy'))
print(OD([('a', 1)], b=2), OD({'z': 0, 'a': 1}), OD(OD(q=1)))
for bad in ([1], [(1, 2, 3)], [[1]], 5):
    tryit(lambda: OD(bad))
od = OD(a=1, b=2, c=3)
tryit(lambda: [od.popitem(last=False) for _ in range(4)])
print(OD(a=1) == OD(a=1.0), OD(a=1, b=2) != OD(b=2, a=1), OD() == {})
print(sorted(OD(a=1).keys() | {'z'}), OD(a=1, b=2).items() - {('a', 1)}, list(reversed(OD(a=1, b=2).values())))
