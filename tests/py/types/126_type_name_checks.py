# type()'s checks of a class's name, __qualname__ and __doc__ (NUL, lone surrogates, non-str), the
# __name__/__qualname__ setters (which rename the class in its repr), the __weakref__ and __dict__
# slots a base already has, nonempty __slots__ over int/tuple/bytes, and __import__ of names that
# are no module ('.', '/', 'a..b'), as CPython 3.11.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("nul", lambda: type('A\x00B', (), {}))
attempt("surrogate", lambda: type('A\udcdcB', (), {}))
attempt("bytes", lambda: type(b'A', (), {}))
A = type('C', (), {})
def setname(v):
    A.__name__ = v
attempt("set nul", lambda: setname('A\x00B'))
attempt("set surrogate", lambda: setname('A\udcdcB'))
attempt("set bytes", lambda: setname(b'A'))
print(A.__name__)
attempt("qualname bytes", lambda: type('A', (), {'__qualname__': b'B'}))
def setq(v):
    A.__qualname__ = v
attempt("set qualname bytes", lambda: setq(b'B'))
for doc in 'x', '\xc4', 'x\x00y', b'x', 42, None:
    print(repr(type('A', (), {'__doc__': doc}).__doc__))
attempt("doc surrogate", lambda: type('A', (), {'__doc__': 'x\udcdcy'}))
for slots in [('__dict__', '__dict__'), ('__weakref__', '__weakref__')]:
    attempt("slots", lambda: type('A', (), {'__slots__': slots}))
class B:
    pass
attempt("slots dict on B", lambda: type('A', (B,), {'__slots__': '__dict__'}))
attempt("slots weakref on B", lambda: type('A', (B,), {'__slots__': '__weakref__'}))
print(__import__("sys").modules.get(".") is None)
for n in [".", "/", "..", ".x.y", "a..b"]:
    attempt(repr(n), lambda: __import__(n))
A.__qualname__ = "Outer.Inner"
print(A.__qualname__, A.__name__, repr(A))
class S:
    __slots__ = ('__weakref__',)
attempt("slots weakref on S", lambda: type('T', (S,), {'__slots__': ('__weakref__',)}))
attempt("slots weakref on int", lambda: type('T', (int,), {'__slots__': ('__weakref__',)}))
attempt("slots weakref on dict", lambda: type('T', (dict,), {'__slots__': ('__weakref__',)}).__name__)
class P:
    __slots__ = ('x',)
attempt("slots weakref on P", lambda: type('T', (P,), {'__slots__': ('__weakref__',)}).__name__)
for base in (int, tuple, bytes, str, float):
    for slots in ((), ('__dict__',), ('__weakref__',), ('x',)):
        try:
            type('T', (base,), {'__slots__': slots})
            print(base.__name__, slots, "ok")
        except TypeError as e:
            print(base.__name__, slots, e)
