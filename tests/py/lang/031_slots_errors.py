# __slots__ edge cases and CPython's errors: unset slots, read-only class attributes, member descriptors,
# bad items, conflicts, __dict__/__weakref__ slots, nonempty slots on int/tuple/bytes, lay-out conflicts.
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class C:
    __slots__ = ('a', 'b')
    k = 5
c = C()
t(lambda: c.a)
t(lambda: setattr(c, 'k', 1))
t(lambda: delattr(c, 'a'))
t(lambda: setattr(c, 'z', 1))
t(lambda: c.__dict__)
t(lambda: vars(c))
t(lambda: C.a.__get__(5))
t(lambda: C.a.__set__(5, 1))
t(lambda: C.__dict__['a'])
t(lambda: (C.a.__name__, C.a.__objclass__))
t(lambda: C.__slots__)
t(lambda: c.__weakref__)
t(lambda: type('X', (), {'__slots__': ('x',), 'x': 1}))
t(lambda: type('X', (), {'__slots__': (1,)}))
t(lambda: type('X', (), {'__slots__': ('1x',)}))
t(lambda: type('X', (), {'__slots__': 5}))
t(lambda: type('X', (), {'__slots__': ('a', 'a')}))
t(lambda: type('X', (), {'__slots__': ('__dict__', '__dict__')}))
for base in (int, tuple, bytes, str, float, list, dict, Exception, bytearray, map):
    t(lambda: type('X', (base,), {'__slots__': ('q',)}))
class P:
    __slots__ = ('p',)
class Q:
    __slots__ = ('q',)
t(lambda: type('X', (P, Q), {}))
t(lambda: type('X', (P, Q), {'__slots__': ()}))
class WD:
    __slots__ = ('a', '__dict__')
w = WD(); w.a = 1; w.z = 2
t(lambda: w.__dict__)
class Sub(C):
    pass
s = Sub(); s.a = 1; s.q = 2
t(lambda: s.__dict__)
t(lambda: type('X', (WD,), {'__slots__': ('__dict__',)}))
class Pv:
    __slots__ = ('__x',)
    def set(self): self._Pv__x = 3; return self._Pv__x
t(lambda: (Pv().set(), Pv.__dict__.get('_Pv__x')))
t(lambda: type('X', (), {'__slots__': '__weakref__'}))
t(lambda: type('X', (), {'__slots__': ('__weakref__', '__weakref__')}))
t(lambda: type('X', (), {'__slots__': {'a': 'doc of a'}}).a.__doc__)
t(lambda: type('X', (), {'__slots__': ['a', 'b']})().__class__)
t(lambda: type('X', (), {'__slots__': iter(['a'])}).a)
