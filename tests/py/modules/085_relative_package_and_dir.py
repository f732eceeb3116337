# Relative imports find their package as CPython's _calc___package__: __package__ (a str), else
# __spec__.parent, else __name__ with an ImportWarning; dir() without arguments lists the keys of
# a locals mapping; dir() of a module whose __dict__ is not a dict is a TypeError.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        __import__('', {'__package__': None, '__spec__': None, '__name__': '__main__'}, {}, ('foo',), 1)
    except ImportError as e:
        print("ImportError:", e)
print([(w.category.__name__, str(w.message)) for w in caught])
try:
    __import__('x', {'__package__': 5}, {}, (), 1)
except TypeError as e:
    print("TypeError:", e)
import json.decoder
g = {'__package__': None, '__spec__': json.decoder.__spec__, '__name__': 'anything'}
print(__import__('scanner', g, {}, ('make_scanner',), 1).__name__)
try:
    from . import nothing
except ImportError as e:
    print("ImportError:", e)
import types
class Foo(types.ModuleType):
    __dict__ = 8
try:
    dir(Foo('foo'))
except TypeError as e:
    print(e)
class M:
    def __getitem__(self, k):
        if k == 'a':
            return 12
        raise KeyError
    def keys(self):
        return list('zyx')
print(eval('dir()', {}, M()), eval('a', {}, M()))
class N(M):
    def keys(self):
        return 5
try:
    print(eval('dir()', {}, N()))
except TypeError as e:
    print(e)
print(dir(types.ModuleType('m')))


class D(dict):
    def __getitem__(self, key):
        if key == 'a':
            return 12
        return dict.__getitem__(self, key)

    def keys(self):
        return list('xyz')


d = D()
print(eval('a', {}, d), eval('dir()', {}, d), eval('locals()', {}, d) is d)
try:
    eval('b', {}, d)
except NameError as e:
    print("NameError:", e)
