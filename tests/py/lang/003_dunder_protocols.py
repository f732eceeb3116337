# dunder protocols: checked against CPython 3.11's output.
class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __iadd__(self, o): self.x += o; return self
    def __sub__(self, o): return V(self.x - o)
    def __rsub__(self, o): return V(o - self.x)
    def __mul__(self, o): return V(self.x * o)
    def __rmul__(self, o): return V(self.x * o * 10)
    def __truediv__(self, o): return V(self.x / o)
    def __floordiv__(self, o): return V(self.x // o)
    def __mod__(self, o): return V(self.x % o)
    def __pow__(self, o): return V(self.x ** o)
    def __rpow__(self, o): return V(o ** self.x)
    def __lshift__(self, o): return V(self.x << o)
    def __and__(self, o): return V(self.x & o)
    def __or__(self, o): return V(self.x | o)
    def __xor__(self, o): return V(self.x ^ o)
    def __neg__(self): return V(-self.x)
    def __pos__(self): return V(+self.x)
    def __abs__(self): return V(abs(self.x))
    def __invert__(self): return V(~self.x)
    def __lt__(self, o): return self.x < o.x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __len__(self): return abs(self.x)
    def __bool__(self): return self.x != 0
    def __index__(self): return self.x
    def __int__(self): return self.x
    def __float__(self): return float(self.x)
    def __format__(self, spec): return "V<" + spec + ">"
v = V(3)
print(v + 1, 1 + v, v - 1, 10 - v, v * 2, 2 * v, v / 2, v // 2, v % 2, v ** 2, 2 ** v)
print(v << 1, v & 1, v | 4, v ^ 1, -v, +v, abs(V(-2)), ~v)
w = v; w += 5; print(w, v, w is v)
print(V(1) < V(2), V(2) > V(1), V(1) == V(1), V(1) != V(1), V(1) == 1)
print(len(v), bool(V(0)), int(v), float(v))
print(f"{v:abc}", format(v, "x"), {V(1): 1}[V(1)])
class NoH:
    def __eq__(self, o): return True
try: hash(NoH())
except TypeError as e: print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
for x in Seq(): print(x)
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), sorted(It(), reverse=True), max(It()), min(It()))
a, b, c = It(); print(a, b, c)
class Ctr:
    def __contains__(self, x): return x == 5
    def __call__(self, *a, **k): return (a, k)
print(5 in Ctr(), 4 in Ctr(), 4 not in Ctr(), Ctr()(1, z=2))
class R:
    def __eq__(self, o): return NotImplemented
    def __gt__(self, o): return "R.gt"
class L:
    def __lt__(self, o): return NotImplemented
print(L() < R())
print(R() == R())
r = R(); print(r == r)
class Str:
    def __str__(self): return "S!"
print(Str(), str(Str()), [Str()][0].__str__())
print(repr(Str())[:15])
