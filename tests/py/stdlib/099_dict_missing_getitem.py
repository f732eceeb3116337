# dict.__getitem__ asks a subclass's __missing__ for a missing key, also called as a bound method or
# through dict.__getitem__ (urllib.parse's quoting hands out _Quoter(...).__getitem__), as CPython's.
class Q(dict):
    def __missing__(self, k): return k*2
q=Q(); print(q[3]); g=q.__getitem__; print(g(4)); print(dict.__getitem__(q,5))
class R(dict):
    def __missing__(self, k): raise KeyError('nope')
try: R()[1]
except KeyError as e: print('KeyError', e)
class S(dict):
    def __getitem__(self, k): return 'own'
    def __missing__(self, k): return 'missing'
print(S()[1], dict.__getitem__(S(), 1))
class T(Q): pass
print(T()[7], T(a=1)['a'])
import collections
d = collections.defaultdict(list); d['x'].append(1); print(d, d.__getitem__('y'), dict.__getitem__(d, 'z'))
c = collections.Counter('abca'); print(c['a'], c['zz'], c.__getitem__('q'))
from urllib.parse import urlencode; print(urlencode({'m': 'späm x'}))
try: {}.__getitem__(1)
except KeyError as e: print('KeyError', e)
