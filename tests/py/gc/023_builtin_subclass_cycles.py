# Cycles through instances of classes derived from built-in types whose own objects are not
# containers (str, int, float, complex, bytes, bytearray, StringIO, BytesIO, Random, array) are
# collected; weak references and thread-locals are containers; a garbage reference's callback
# does not run.
import gc, weakref
class S(str): pass
class I(int): pass
class F(float): pass
class C(complex): pass
class B(bytes): pass
class BA(bytearray): pass
class FS(float):
    __slots__ = ('a',)
gc.collect()
for cls, arg in [(S, "x"), (I, 10**30), (I, 3), (F, 1.5), (C, 2j), (B, b"x"), (BA, b"y"), (FS, 2.5)]:
    o = cls(arg)
    if cls is FS:
        o.a = [o]
    else:
        o.me = o
        o.lst = [o, {"k": o}]
    r = weakref.ref(o) if cls not in (I, B, FS) else None
    del o
    n = gc.collect()
    print(cls.__name__, n, r() if r else None, gc.collect())
s = S("abc"); print(gc.is_tracked(s), s, s.upper(), len(s), s + "d", repr(s))
i = I(5); print(i + 1, gc.is_tracked(i), repr(I(2**70)))
f = F(2.0); print(f * 2, gc.is_tracked(f))
print(B(b"zz"), BA(b"q"), C(1+2j), FS(3.0))
class BA2(bytearray):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
x = BA2(b"abc"); print(x, x.extra, type(x))
import copy, pickle
print(repr(copy.copy(S("c"))), pickle.loads(pickle.dumps(I(7))), type(pickle.loads(pickle.dumps(F(7.5)))))
import _thread, io, random, array
gc.collect()
class T: pass
# a weak reference whose callback keeps its referent's holder
log = []
t = T()
t.r = weakref.ref(t, lambda r: log.append("cb-self"))
del t
print("self-ref cycle", gc.collect(), log)
# callback of a live reference runs
keep = T()
u = T(); u.me = u
keep.r = weakref.ref(u, lambda r: log.append("cb-live"))
del u
print("live ref", gc.collect(), log, keep.r())
# a garbage cycle holding a reference to itself whose callback is garbage too: not called
class N: pass
n = N(); n.me = n
n.r = weakref.ref(n, lambda r: log.append("cb-garbage"))
del n
print("ref in garbage", gc.collect(), log)
# the callback holds the reference (cycle through the callback), referent alive
target = N()
def make():
    box = []
    r = weakref.ref(target, lambda rr, box=box: log.append(("cb2", len(box))))
    box.append(r)
make()
print("ref-callback cycle", gc.collect(), log)
# thread-local cycle
l = _thread._local(); l.me = l; wl = weakref.ref(l); del l
print("local", gc.collect() > 0, wl())
class L(_thread._local): pass
l = L(); l.me = l; wl = weakref.ref(l); del l
print("local sub", gc.collect() > 0, wl())
class SIO(io.StringIO): pass
s = SIO("x"); s.me = s; ws = weakref.ref(s); del s
print("stringio sub", gc.collect(), ws())
class BIO(io.BytesIO): pass
s = BIO(b"x"); s.me = s; ws = weakref.ref(s); del s
print("bytesio sub", gc.collect(), ws())
class R(random.Random): pass
s = R(5); s.me = s; ws = weakref.ref(s); del s
print("random sub", gc.collect(), ws())
class A(array.array): pass
s = A("i", [1]); s.me = s; ws = weakref.ref(s); del s
print("array sub", gc.collect(), ws())
class KR(weakref.ref):
    __slots__ = ("key",)
t2 = T()
k = KR(t2); k.key = k; del k
print("ref sub slots", gc.collect())
print(gc.is_tracked(weakref.ref(t2)), gc.is_tracked(_thread._local()), gc.is_tracked(weakref.proxy(t2)))
