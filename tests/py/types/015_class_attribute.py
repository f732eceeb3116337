# __class__ on objects of every built-in kind (functions, methods, modules, code, coroutines...), and
# types.coroutine marking a generator function awaitable through code.replace().
import types, sys
objs = [lambda: 0, (lambda: 0).__code__, [].append, len, object().__str__, int.__add__, sys, (x for x in []), 1j, memoryview(b""), list[int], int | str, types.SimpleNamespace(), property(), staticmethod(len), classmethod(len), super, range(1), slice(1), iter([]), None, NotImplemented, ..., type, 3, 2.5, "s", b"b", bytearray(), (), [], {}, set(), frozenset(), Exception(), sys._getframe(), open]
class C:
    def m(self): pass
objs.append(C().m)
async def co(): pass
c = co(); objs.append(c)
for o in objs:
    try:
        print(o.__class__ is type(o), end=" ")
    except AttributeError as e:
        print("ERR", type(o).__name__, end=" ")
c.close()
print()
@types.coroutine
def g():
    yield 1
print(g.__code__.co_flags & 0x100)
