# types.SimpleNamespace: a subclass's attributes are the namespace's own (vars, repr, del), a
# namespace that holds itself repr's as "namespace(...)", __reduce__ for pickle and copy; and
# format()'s 'c' refuses the alternate form, as CPython 3.11.
import copy
import pickle
import types


class Spam(types.SimpleNamespace):
    pass


spam = Spam(ham=8, eggs=9)
print(vars(spam), spam)
spam.x = 1
del spam.ham
print(vars(spam), spam, spam.__dict__ is vars(spam))
ns1 = types.SimpleNamespace(a=1)
ns1.me = ns1
print(repr(ns1))
ns2 = types.SimpleNamespace()
ns2.x = Spam(back=ns2)
print(repr(ns2))
ns = types.SimpleNamespace(x=1, y=[2])
print(ns.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(ns, proto)))
print(pickle.loads(pickle.dumps(spam)), type(pickle.loads(pickle.dumps(spam))).__name__)
c = copy.copy(ns)
print(c, c == ns, c.y is ns.y)
d = copy.deepcopy(ns)
print(d, d.y is ns.y)
for spec in ['#c', '+#c', ',c', '_c', '#x', '=c', '>3c', '<3c']:
    try:
        print(spec, repr(format(65, spec)))
    except ValueError as e:
        print(spec, 'ValueError', e)
import collections
class I(int): pass
for t in (int, bool, tuple, bytes, str, list, dict, object, float, type, range, bytearray, I,
          collections.namedtuple('P', 'x')):
    print(t.__name__, t.__itemsize__)
