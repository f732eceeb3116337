# sys.getsizeof: CPython's argument handling, errors and default; only what is portable is checked:
# minipy's objects are laid out differently, so the figures themselves differ (README).
import sys
for a in [(), (1,2,3)]:
    try: sys.getsizeof(*a)
    except Exception as e: print(type(e).__name__, e)
class A:
    def __sizeof__(self): return None
class B:
    def __sizeof__(self): return -1
class C:
    def __sizeof__(self): return 4.5
class D(int):
    def __sizeof__(self): return int(self)
for x in [A(), B(), C(), D(sys.maxsize+1), D(-sys.maxsize-1), D(-1)]:
    try: sys.getsizeof(x)
    except Exception as e: print(type(e).__name__, e)
    print(sys.getsizeof(x, 'dflt') if not isinstance(x, (B, D)) else '')
print(sys.getsizeof(object=1, default=2) > 0)
try: sys.getsizeof(1, default=2, x=3)
except Exception as e: print(type(e).__name__, e)
try: [].__sizeof__(1)
except Exception as e: print(type(e).__name__, e)
try: object.__sizeof__(1,2)
except Exception as e: print(type(e).__name__, e)
gc = sys.getsizeof([]) - [].__sizeof__()
print(gc > 0, sys.getsizeof({}) - {}.__sizeof__() == gc, sys.getsizeof(set()) - set().__sizeof__() == gc)
print(sys.getsizeof(1) == (1).__sizeof__(), sys.getsizeof('abc') == 'abc'.__sizeof__(), sys.getsizeof(1.5) == (1.5).__sizeof__())
print(sys.getsizeof(2**1000) > sys.getsizeof(2**100) > sys.getsizeof(1) >= sys.getsizeof(0))
print(sys.getsizeof('a'*1000) > sys.getsizeof('a'), sys.getsizeof(b'a'*1000) > sys.getsizeof(b''))
print(sys.getsizeof(bytearray(1000)) > sys.getsizeof(bytearray()))
print(sys.getsizeof(list(range(100))) > sys.getsizeof([]), sys.getsizeof(tuple(range(100))) > sys.getsizeof(()))
print(sys.getsizeof(dict.fromkeys(range(100))) > sys.getsizeof({}), sys.getsizeof(set(range(100))) > sys.getsizeof(set()))
print(sys.getsizeof(frozenset(range(100))) > sys.getsizeof(frozenset()))
class S:
    __slots__ = ()
class T:
    __slots__ = ()
    def __sizeof__(self): return 42
print(sys.getsizeof(S()) - S().__sizeof__() == gc, sys.getsizeof(T()) == 42 + gc)
print(type(sys.getsizeof(1)), isinstance([].__sizeof__(), int), object().__sizeof__() > 0)
class L(list): pass
print(L().__sizeof__() >= [].__sizeof__(), sys.getsizeof(L()) >= sys.getsizeof([]))
print(sys.getsizeof(True) > 0, sys.getsizeof(None) == None.__sizeof__(), sys.getsizeof(int) > 0)
