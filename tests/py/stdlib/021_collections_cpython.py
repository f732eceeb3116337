# CPython's own collections/__init__.py over minipy's _collections (deque, defaultdict, _tuplegetter):
# ChainMap, UserDict/UserList/UserString, the full namedtuple API and the pure-Python OrderedDict.
import collections
import collections.abc
from collections import ChainMap, OrderedDict, UserDict, UserList, UserString, namedtuple, Counter, deque, defaultdict

P = namedtuple("P", "x y", defaults=[0], module="geometry")
p = P(1)
print(p, p._asdict(), p._replace(y=5), P._make([3, 4]), P._field_defaults, P._fields, P.__module__)
print(P.x.__doc__, P.__doc__, P(1, 2) == (1, 2), p.__getnewargs__())
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError", e)
Q = namedtuple("Q", ["a", "def", "a"], rename=True)
print(Q._fields)

base, over = {"a": 1, "b": 2}, {"b": 20}
c = ChainMap(over, base)
print(c["a"], c["b"], len(c), sorted(c), c.get("z", 0), "a" in c, c)
child = c.new_child({"c": 3})
child["a"] = 100
print(child, child.parents, child.maps[0], dict(child))
del child["a"]
try:
    del child["b"]
except KeyError as e:
    print("KeyError", e)
print(ChainMap(), ChainMap({1: 2}) | {3: 4})

o = OrderedDict.fromkeys("abcde")
o.move_to_end("b")
o.move_to_end("e", last=False)
print(list(o), o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(list(reversed(OrderedDict(x=1, y=2))), OrderedDict(x=1) | {"y": 2})


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = Lower(A=1)
d["B"] = 2
print(d, d.data, "a" in d, len(d), d.copy(), type(d.copy()).__name__)
ul = UserList([3, 1, 2])
ul.sort()
ul.append(4)
print(ul, ul[1:], ul + [5], type(ul[1:]).__name__, ul.count(1))
us = UserString("Hello")
print(us.upper(), us[1:3], us + "!", us.split("l"), type(us.upper()).__name__, us == "Hello")

cnt = Counter("abracadabra")
print(cnt.most_common(2), cnt["z"], sorted(cnt.elements())[:4], cnt.total())
print(cnt - Counter("aaa"), cnt & Counter("abc"), +Counter(a=-1, b=2))
dq = deque(range(5), maxlen=4)
dq.rotate(1)
print(dq, dq.maxlen, isinstance(dq, collections.abc.MutableSequence))
dd = defaultdict(list)
dd["k"].append(1)
print(dd, dd.default_factory, collections.deque.__module__, repr(collections.defaultdict))
