# list(x), [*x] and list.extend reserve what operator.length_hint(x) says first, as CPython's list_extend:
# len() is called after iter(), a TypeError from either hook means no hint, other errors propagate,
# and a hint too large for memory is a MemoryError at once.
class A:
    def __iter__(self): print('iter'); return iter([1,2])
    def __len__(self): print('len'); return 2
print(list(A()))
class B:
    def __iter__(self): return iter([1])
    def __len__(self): raise TypeError('x')
print(list(B()))
class C:
    def __iter__(self): return iter([1])
    def __len__(self): raise ValueError('v')
try: print(list(C()))
except Exception as e: print(repr(e))
class D:
    def __iter__(self): return iter([1])
    def __length_hint__(self): return -1
try: print(list(D()))
except Exception as e: print(repr(e))
class E:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return NotImplemented
print([*E()], [0, *E()])
class F:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 1.5
try: print(list(F()))
except Exception as e: print(repr(e))
import operator
print(operator.length_hint(iter([1,2,3])), operator.length_hint(B(), 5), operator.length_hint(E(), 7))
try: list(range(10**12))
except MemoryError as e: print('MemoryError', e)
try: [*range(10**20)]
except Exception as e: print(repr(e))
x = [1, 2]
x.extend(range(3))
print(x)
