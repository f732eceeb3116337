# type's attributes as descriptors in type.__dict__ (dir(type) as CPython's), type.__instancecheck__/
# __subclasscheck__ under a metaclass's super(), __abstractmethods__/__annotations__ (own dict; {} made on
# first use), type[int] without type.__class_getitem__; __getnewargs__ of int/float/str/tuple and
# list.__reversed__ (a list_reverseiterator with its length hint).
import abc
class C: pass
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class M(type):
    def __instancecheck__(cls, inst):
        print("M check", cls.__name__)
        return super().__instancecheck__(inst)
class D(metaclass=M): x: int = 1
class E(D): pass
print(isinstance(D(), D), isinstance(1, D), type.__instancecheck__(int, True), type.__subclasscheck__(int, bool), int.__subclasscheck__(object))
print(type[int], type(type[int]), type.__dict__.get('__class_getitem__'))
try: M[int]
except TypeError as e: print(e)
try: C[int]
except TypeError as e: print(e)
print(type.__dict__['__name__'], type.__dict__['__mro__'], type.__dict__['__name__'].__get__(C), type.__dict__['__mro__'].__get__(int))
print(A.__abstractmethods__, D.__annotations__, E.__annotations__, C.__annotations__, C.__dict__.get('__annotations__'))
for o, n in [(type, '__abstractmethods__'), (C, '__abstractmethods__'), (int, '__annotations__')]:
    try: getattr(o, n)
    except AttributeError as e: print(repr(e))
print(hasattr(C, '__abstractmethods__'), C.__text_signature__, int.__text_signature__, type.__text_signature__)
print(type(C.__basicsize__), type(int.__itemsize__), C.__dictoffset__ != 0, type(int.__weakrefoffset__), C.__flags__ & (1 << 9) != 0)
try:
    A()
except TypeError as e: print(e)
A.__abstractmethods__ = frozenset()
print(type(A()).__name__)
print(sorted(set(dir(type)) ^ set(type.__dict__) - set(dir(object))))
match 5:
    case D(): print("matched D")
    case int(): print("int")
import pickle
class S(str): pass
class I(int): pass
class F(float): pass
class T(tuple): pass
print(S('ab').__getnewargs__(), type(S('ab').__getnewargs__()[0]), I(3).__getnewargs__(), type(I(3).__getnewargs__()[0]))
print(True.__getnewargs__(), (1, 2).__getnewargs__(), T((1,)).__getnewargs__(), F(1.5).__getnewargs__())
for v in [S('ab'), I(7), F(2.5), T((1, 2))]:
    w = pickle.loads(pickle.dumps(v, 2))
    print(type(w).__name__, w == v)
r = [1, 2, 3].__reversed__()
print(type(r).__name__, r.__length_hint__(), list(r), r.__length_hint__())
l = [1, 2, 3]
r = l.__reversed__()
next(r)
l.clear()
print(r.__length_hint__(), list(r), list.__reversed__.__doc__)
try:
    list.__reversed__((1, 2))
except TypeError as e:
    print(e)
import inspect  # getattr_static walks type.__dict__['__mro__'] and ['__dict__']


class G:
    x = 1

    @property
    def p(self):
        return 2


print(inspect.getattr_static(G(), "x"), type(inspect.getattr_static(G, "p")).__name__, inspect.getattr_static(int, "real"))
