# collections: deque, defaultdict, Counter, OrderedDict.
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
d = deque([1, 2])
d.append(3); d.appendleft(0); print(d, len(d), d[0], d[-1], list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([9, 10]); print(d); d.rotate(2); print(d); d.rotate(-1); print(d)
m = deque(range(5), maxlen=3); print(m, m.maxlen); m.appendleft(9); print(m)
try:
    deque().pop()
except IndexError as e:
    print(e)
dd = defaultdict(list)
dd["a"].append(1); dd["b"].append(2); dd["a"].append(3)
print(dd, dd["a"], isinstance(dd, dict), "z" in dd)
di = defaultdict(int); 
for ch in "hello": di[ch] += 1
print(di)
c = Counter("abracadabra"); print(c, c["z"], c.most_common(2))
print(sorted(c.elements())[:5])
c.update("aaz"); c.subtract({"b": 2}); print(c)
x, y = Counter(a=3, b=1), Counter(a=1, b=2)
print(x + y, x - y, x | y, x & y, Counter())
o = OrderedDict(); o["a"] = 1; o["b"] = 2; o["c"] = 3
o.move_to_end("a"); print(o); o.move_to_end("c", last=False); print(o, o.popitem(), o.popitem(last=False), o)
