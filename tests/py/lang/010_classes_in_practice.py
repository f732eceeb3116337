# classes in practice: class methods through super, __class__, list/dict subclasses, user exceptions.
class A:
    @classmethod
    def make(cls): return cls.__name__
    @property
    def ro(self): return 1
class B(A):
    @classmethod
    def make(cls): return "B+" + super().make()
    def __repr__(self): return "B()"
print(B.make(), B().make())
try:
    B().ro = 2
except AttributeError as e: print(e)
class C:
    def who(self): return __class__.__name__
print(C().who())
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2); print(s.peek(), s, len(s), s == [1, 2], type(s).__name__)
s.extra = 5; print(s.extra)
class Cnt(dict):
    def __init__(self, it):
        super().__init__()
        for x in it: self[x] = self.get(x, 0) + 1
print(Cnt("abca"))
class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
print(list(Node(1, Node(2, Node(3)))))
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except E as e: print(e, e.code, e.args)
class Temp:
    def __init__(self): self._c = 0
    celsius = property(lambda self: self._c, lambda self, v: setattr(self, "_c", v))
t = Temp(); t.celsius = 30; print(t.celsius)
print(isinstance(t, object), issubclass(Temp, object), Temp.__bases__, B.__mro__)
class V2:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
print(sorted([V2(3), V2(1)])[0].x, V2(1) in [V2(1)], max([V2(2), V2(5)]).x)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return self.n
print(*It(), sep=",")
print(dict(zip(It(), It())), tuple(It()), set(It()), ", ".join(str(i) for i in It()))
raise E("final", 1)
