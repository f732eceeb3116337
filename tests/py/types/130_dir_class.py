# dir(obj) merges the class that obj.__class__ answers, as CPython's object.__dir__: an unset
# __class__ slot leaves the __dict__'s names alone; a __class__ property lends its class's.
class S:
    __slots__ = ['__class__', '__dict__']
    def __init__(self): self.bar = 1
print(sorted(dir(S())))
class Proxy:
    def __init__(self): self.x = 1
    @property
    def __class__(self): return int
p = Proxy()
print('bit_length' in dir(p), 'x' in dir(p), '__init__' in dir(p))
class NoDict:
    __slots__ = ()
print(len(dir(NoDict())) > 10, '__dict__' in dir(NoDict()))
print(sorted(dir(3))[:3], '__dict__' in dir(3))
class A:
    def f(self): pass
a = A(); a.y = 2
print([n for n in dir(a) if not n.startswith('__')], '__dict__' in dir(a), '__class__' in dir(a))
print('__dict__' in dir(lambda: 0), '__dict__' in dir(type('X',(),{})()))
try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__), e.__traceback__.__dir__())
