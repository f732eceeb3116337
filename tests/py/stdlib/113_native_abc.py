# abc.ABCMeta on the native _abc, as in CPython: abstract methods, register, __subclasshook__, the
# weak registry and caches (_get_dump), the match statement's Sequence/Mapping flags, the errors;
# and abc no longer goes through _py_abc, so a script's own types.py cannot break it.
import _abc
import abc
import array
import collections
import collections.abc as cabc
import gc
import os
import subprocess
import sys
import tempfile
import threading
import types
import weakref

print("abc on _abc:", abc._abc_init is _abc._abc_init, abc.get_cache_token is _abc.get_cache_token)
print(sorted(n for n in dir(_abc) if not n.startswith("__")))
print(_abc.__doc__)
print(_abc._abc_init.__doc__)


def show_error(f):
    try:
        result = f()
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  no error:", result)


print("-- abstract methods")


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    @property
    @abc.abstractmethod
    def p(self):
        pass

    @classmethod
    @abc.abstractmethod
    def c(cls):
        pass

    @staticmethod
    @abc.abstractmethod
    def s():
        pass

    def concrete(self):
        return "concrete"


print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
show_error(Base)


class Half(Base):
    def f(self):
        return "f"

    @classmethod
    def c(cls):
        return "c"


print(sorted(Half.__abstractmethods__))
show_error(Half)


class Full(Half):
    p = 3

    @staticmethod
    def s():
        return "s"


print(sorted(Full.__abstractmethods__), Full().f(), Full.c(), Full().p, Full.s(), Full().concrete())


class Flagged:
    __isabstractmethod__ = True


class WithValues(abc.ABC):
    marker = Flagged()
    other = 5


print(sorted(WithValues.__abstractmethods__))
show_error(WithValues)


class Explodes:
    @property
    def __isabstractmethod__(self):
        raise ValueError("no telling")


def make_exploding():
    class E(abc.ABC):
        x = Explodes()


show_error(make_exploding)


class Meta(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def run(self):
        pass


class Later(Meta):
    pass


Later.run = lambda self: "ran"
print(sorted(Later.__abstractmethods__), sorted(abc.update_abstractmethods(Later).__abstractmethods__))
print(Later().run(), type(Later._abc_impl).__name__, type(Later._abc_impl).__module__)
print(type(Later._abc_impl).__doc__, hasattr(_abc, "_abc_data"))
print(type(type(Later._abc_impl)()).__name__, type(type(Later._abc_impl)(1, 2, x=3)).__name__)
show_error(lambda: type("Sub", (type(Later._abc_impl),), {}))

print("-- register")


class MyABC(abc.ABC):
    pass


class Plain:
    pass


class SubPlain(Plain):
    pass


print(issubclass(Plain, MyABC), isinstance(Plain(), MyABC), issubclass(SubPlain, MyABC))
token = abc.get_cache_token()
print(MyABC.register(Plain) is Plain, abc.get_cache_token() - token)
print(issubclass(Plain, MyABC), isinstance(Plain(), MyABC), issubclass(SubPlain, MyABC), isinstance(SubPlain(), MyABC))


@MyABC.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, MyABC), abc.get_cache_token() - token)
token = abc.get_cache_token()
print(MyABC.register(MyABC) is MyABC, MyABC.register(Plain) is Plain, abc.get_cache_token() - token)
MyABC.register(int)
print(isinstance(3, MyABC), isinstance(True, MyABC), issubclass(bool, MyABC), isinstance(3.0, MyABC))


class Child(MyABC):
    pass


show_error(lambda: Child.register(MyABC))
show_error(lambda: MyABC.register(1))
show_error(lambda: MyABC.register(Plain()))


class Other(abc.ABC):
    pass


Other.register(MyABC)
print(issubclass(Child, Other), issubclass(Plain, Other), isinstance(5, Other), issubclass(Other, MyABC))

print("-- __subclasshook__")


class Quacks(abc.ABC):
    calls = []

    @classmethod
    def __subclasshook__(cls, C):
        Quacks.calls.append(C.__name__)
        if cls is not Quacks:
            return NotImplemented
        if hasattr(C, "quack"):
            return True
        if hasattr(C, "nope"):
            return False
        return NotImplemented


class Duck:
    def quack(self):
        pass


class Nope:
    nope = 1


class Neither:
    pass


print(issubclass(Duck, Quacks), issubclass(Nope, Quacks), issubclass(Neither, Quacks), isinstance(Duck(), Quacks))
print(issubclass(Duck, Quacks), issubclass(Nope, Quacks), issubclass(Neither, Quacks), Quacks.calls)
Quacks.register(Neither)
Quacks.register(Nope)
print(issubclass(Neither, Quacks), issubclass(Nope, Quacks), Quacks.calls)


class QuackChild(Quacks):
    pass


print(issubclass(Duck, QuackChild), issubclass(QuackChild, Quacks))


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


show_error(lambda: issubclass(int, BadHook))
show_error(lambda: isinstance(1, BadHook))

print("-- caches and the cache token")


class A(abc.ABC):
    pass


class B:
    pass


print(isinstance(B(), A), issubclass(B, A))
registry, cache, negative, version = _abc._get_dump(A)
print(len(registry), len(cache), sorted(r().__name__ for r in negative), version == abc.get_cache_token())
A.register(B)
print(isinstance(B(), A), issubclass(B, A))


class P(abc.ABC):
    pass


class Q(P):
    pass


class Late:
    pass


print(issubclass(Late, P), sorted(r().__name__ for r in _abc._get_dump(P)[2]))
Q.register(Late)
print(_abc._get_dump(P)[3] < abc.get_cache_token(), issubclass(Late, P), issubclass(Late, Q))
registry, cache, negative, version = _abc._get_dump(P)
print(type(registry).__name__, len(registry), sorted(r().__name__ for r in cache), len(negative))
print(version == abc.get_cache_token(), all(type(r) is weakref.ref for r in cache), type(version).__name__)
print([sorted(r().__name__ for r in s) for s in _abc._get_dump(Q)[:3]])

print("-- weak entries")


class W(abc.ABC):
    pass


def fill():
    class Temp:
        pass

    class Derived(W):
        pass

    class Stranger:
        pass

    W.register(Temp)
    print(isinstance(Temp(), W), isinstance(Derived(), W), isinstance(Stranger(), W))
    print([sorted(r().__name__ for r in s) for s in _abc._get_dump(W)[:3]])


fill()
gc.collect()
print([len(s) for s in _abc._get_dump(W)[:3]])
print("-- _reset_caches, _reset_registry")


class R(abc.ABC):
    pass


class S:
    pass


R.register(S)
print(issubclass(S, R), issubclass(int, R), isinstance(S(), R))
print([len(s) for s in _abc._get_dump(R)[:3]])
R._abc_caches_clear()
print([len(s) for s in _abc._get_dump(R)[:3]], issubclass(S, R))
R._abc_registry_clear()
R._abc_caches_clear()
print([len(s) for s in _abc._get_dump(R)[:3]], issubclass(S, R), isinstance(S(), R))
print(_abc._reset_caches(R), _abc._reset_registry(R))

print("-- collections.abc")
values = [{}, [], (), "", b"", set(), frozenset(), range(3), iter([]), (x for x in ()), 1, 1.5, None, len,
          collections.deque(), collections.OrderedDict(), {}.keys(), {}.items(), memoryview(b""), array.array("b")]
abcs = [cabc.Hashable, cabc.Iterable, cabc.Iterator, cabc.Generator, cabc.Sized, cabc.Container, cabc.Callable,
        cabc.Collection, cabc.Sequence, cabc.MutableSequence, cabc.Set, cabc.MutableSet, cabc.Mapping,
        cabc.MutableMapping, cabc.MappingView, cabc.KeysView, cabc.ItemsView, cabc.Reversible, cabc.ByteString]
for v in values:
    print(type(v).__name__, "".join("1" if isinstance(v, a) else "." for a in abcs))
print(issubclass(dict, cabc.MutableMapping), issubclass(list, cabc.Mapping), issubclass(str, cabc.Sequence))


class Fake:
    @property
    def __class__(self):
        return dict


print(isinstance(Fake(), cabc.Mapping), isinstance(Fake(), dict), type(Fake()).__name__)

print("-- match and the collection flags")
print(cabc.Sequence.__flags__ & 96, cabc.MutableSequence.__flags__ & 96, cabc.Mapping.__flags__ & 96)
print("__abc_tpflags__" in cabc.Sequence.__dict__, "__abc_tpflags__" in cabc.Mapping.__dict__, cabc.Set.__flags__ & 96)
print([t.__flags__ & 96 for t in (list, tuple, range, memoryview, dict, types.MappingProxyType, collections.deque,
                                  array.array, str, bytes, bytearray, collections.OrderedDict, collections.Counter)])


def shape(x):
    match x:
        case {"k": v}:
            return "mapping with k=%r" % (v,)
        case {}:
            return "mapping"
        case [a, b]:
            return "pair %r %r" % (a, b)
        case [*rest]:
            return "sequence of %d" % len(rest)
        case _:
            return "neither"


class Seqish:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __iter__(self):
        return iter(self.items)


class Mapish:
    def __init__(self, **d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)

    def keys(self):
        return self.d.keys()

    def get(self, k, default=None):
        return self.d.get(k, default)


class SeqishBefore(Seqish):
    pass


print(shape(Seqish(1, 2)), shape(Mapish(k=1)), shape(SeqishBefore(1, 2, 3)))
cabc.Sequence.register(Seqish)
cabc.Mapping.register(Mapish)


class SeqishAfter(Seqish):
    pass


class Both(Seqish, Mapish):
    pass


print(shape(Seqish(1, 2)), shape(Mapish(k=1)), shape(Mapish(j=1)), shape(SeqishBefore(1, 2, 3)), shape(SeqishAfter()))
print(shape(Both(4, 5)), Seqish.__flags__ & 96, Mapish.__flags__ & 96, Both.__flags__ & 96)
print(shape("ab"), shape(b"ab"), shape(bytearray(b"ab")), shape([1, 2]), shape((1, 2, 3)), shape(range(2)))
print(shape(types.MappingProxyType({"k": 0})), shape(collections.deque([1, 2])), shape(array.array("i", [7, 8])))
print(shape(collections.OrderedDict(k=2)), shape(collections.defaultdict(int)), shape(memoryview(b"xy")))
print(shape(collections.UserDict(k=3)), shape(collections.UserList([1])), shape({1, 2}))


class MySequence(cabc.Sequence):
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 10


print(shape(MySequence()), MySequence.__flags__ & 96)


class CustomSeqABC(abc.ABC):
    __abc_tpflags__ = 1 << 5


class CustomMapABC(metaclass=abc.ABCMeta):
    __abc_tpflags__ = (1 << 6) | 1


class Ignored(abc.ABC):
    __abc_tpflags__ = "not an int"


class NotAbc:
    __abc_tpflags__ = 1 << 5


print(CustomSeqABC.__flags__ & 96, CustomMapABC.__flags__ & 96, Ignored.__flags__ & 96, NotAbc.__flags__ & 96)
print(hasattr(CustomSeqABC, "__abc_tpflags__"), hasattr(Ignored, "__abc_tpflags__"), NotAbc.__abc_tpflags__)
CustomSeqABC.register(Mapish)
print(shape(Mapish(k=1)), Mapish.__flags__ & 96)


def both_flags():
    class Both(abc.ABC):
        __abc_tpflags__ = (1 << 5) | (1 << 6)


show_error(both_flags)

print("-- errors")
show_error(lambda: _abc._abc_subclasscheck(A, 1))
show_error(lambda: issubclass(1, A))
show_error(lambda: _abc._get_dump(1))


class WrongImpl:
    _abc_impl = 3


show_error(lambda: _abc._get_dump(WrongImpl))
show_error(lambda: _abc._abc_instancecheck(WrongImpl, 1))
show_error(lambda: _abc._abc_register(A))
show_error(lambda: _abc._abc_register(A, B, B))
show_error(lambda: _abc._abc_instancecheck(A))
show_error(lambda: _abc._get_dump())
show_error(lambda: _abc._get_dump(x=A))
show_error(lambda: _abc.get_cache_token(1))
show_error(lambda: _abc._abc_init())


class OddSubclasses(abc.ABC):
    @classmethod
    def __subclasses__(cls):
        return ()


show_error(lambda: issubclass(int, OddSubclasses))


class NoTuple:
    pass


nt = NoTuple()
nt.__bases__ = [object]
show_error(lambda: _abc._abc_init(nt))


class Items:
    def __init__(self, items):
        self.result = items

    def items(self):
        return self.result


class HasNamespace:
    def __init__(self, items):
        self.ns = Items(items)

    def __getattribute__(self, name):
        if name == "__dict__":
            return object.__getattribute__(self, "ns")
        return object.__getattribute__(self, name)


show_error(lambda: _abc._abc_init(HasNamespace([(1, 2, 3)])))
show_error(lambda: _abc._abc_init(HasNamespace([5])))
show_error(lambda: _abc._abc_init(HasNamespace(7)))


class BadNames(abc.ABC):
    pass


BadNames.__abstractmethods__ = frozenset([1])
show_error(lambda: type("FromBadNames", (BadNames,), {}))

print("-- threads")


class Shared(abc.ABC):
    pass


errors = []


def worker(n):
    try:
        for i in range(30):
            cls = type("T%d_%d" % (n, i), (), {})
            if i % 2:
                Shared.register(cls)
            for _ in range(3):
                if isinstance(cls(), Shared) != bool(i % 2) or issubclass(cls, Shared) != bool(i % 2):
                    errors.append((n, i))
            isinstance(i, cabc.Hashable)
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print("errors:", errors, [len(s) for s in _abc._get_dump(Shared)[:3]])

print("-- a script's own types.py")
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "types.py"), "w") as f:
        f.write("raise ImportError('the script folder types.py was imported')\n")
    with open(os.path.join(d, "main.py"), "w") as f:
        f.write("import abc, array\nprint(array.array('i', [1, 2]).tolist(), abc.ABC.__name__)\n")
    p = subprocess.run([sys.executable, "main.py"], cwd=d, capture_output=True, text=True)
    print(p.returncode, p.stdout.strip(), p.stderr.strip().splitlines()[-1:])
# CPython's site has imported some of them already: they are forgotten first.
check = '''import sys
names = ('abc', '_abc', '_py_abc', '_weakrefset', 'types')
for name in names:
    sys.modules.pop(name, None)
import abc
print(sorted(name for name in names if name in sys.modules))'''
p = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
print(p.returncode, p.stdout.strip(), p.stderr.strip())
