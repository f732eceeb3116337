# The native _operator behind operator.py: the operator functions, itemgetter, attrgetter and
# methodcaller (their reprs, pickling, errors) and _compare_digest.
import operator as o, pickle, copy, _operator as o2
print(o.add(1, 2), o.sub(5, 3), o.mul('a', 3), o.truediv(1, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10), o.neg(3), o.pos(-3), o.abs(-2), o.inv(5), o.invert(5))
print(o.lshift(1, 4), o.rshift(16, 2), o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.not_(0), o.truth([]), o.is_(None, None), o.is_not(1, None))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.index(True), o.concat([1], [2]), o.contains([1, 2], 2), o.countOf([1, 2, 1], 1), o.indexOf('abc', 'c'))
l = [1, 2, 3]; o.setitem(l, 0, 9); o.delitem(l, 1); print(l, o.getitem(l, 1), o.length_hint([1, 2]), o.length_hint(type("H", (), {"__length_hint__": lambda s: 3})()), o.length_hint(object(), 7))
x = [1]; print(o.iadd(x, [2]), x, o.iconcat(x, [3]), o.imul([1], 2), o.ipow(2, 3), o.call(max, 1, 5, key=lambda v: -v))
import _operator as o2; print(o2._compare_digest(b'abc', b'abc'), o2._compare_digest('ab', 'abc'), o2._compare_digest(bytearray(b'x'), b'x'))
for f in [lambda: o.concat(1, 2), lambda: o.indexOf([1], 2), lambda: o2._compare_digest('a', b'a'), lambda: o2._compare_digest('é', 'é'),
          lambda: o.itemgetter(), lambda: o.attrgetter(1), lambda: o.methodcaller(), lambda: o.methodcaller(1), lambda: o.itemgetter(1, x=1), lambda: o.add(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
g = o.itemgetter(1); g2 = o.itemgetter(0, -1); a = o.attrgetter('real'); a2 = o.attrgetter('real', 'imag.real'); m = o.methodcaller('split', ',', maxsplit=1); m2 = o.methodcaller('upper')
print(g, g2, a, a2, m, m2)
print(g('xyz'), g2('xyz'), a(3), a2(1 + 2j), m('a,b,c'), m2('q'))
for f in (g, g2, a, a2, m, m2):
    r = f.__reduce__(); print(r[0] if not isinstance(r[0], type) else r[0].__name__, r[1])
    h = pickle.loads(pickle.dumps(f)); print(repr(h), copy.copy(f))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)), list(map(o.add, [1, 2], [10, 20])))
class C: __length_hint__ = lambda self: -1
try: o.length_hint(C())
except ValueError as e: print(e)
print(o.__lt__ is o.lt, o.itemgetter.__module__ if hasattr(o.itemgetter, '__module__') else '', type(g).__name__)
