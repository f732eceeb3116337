# RecursionError's text says where the limit was hit, as CPython 3.11's does: plain for Python
# functions and the dunder methods they run through, "while getting the repr of an object" for
# containers nested too deep (also through str()), "during compilation" for source nested too deep;
# the interpreter recovers and runs on after each.
import sys

def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except RecursionError as e:
        print(label, "->", e)

def f():
    f()

class S:
    def __str__(self):
        return str(self)

class E:
    def __eq__(self, other):
        return self == other

class L:
    def __lt__(self, other):
        return self < other

class H:
    def __hash__(self):
        return hash(self)

class G:
    def __getattr__(self, name):
        return getattr(self, name)

class C:
    def __call__(self):
        return self()

class Len:
    def __len__(self):
        return len(self)

class Add:
    def __add__(self, other):
        return self + other

class Item:
    def __getitem__(self, i):
        return self[i]

class Fmt:
    def __format__(self, spec):
        return format(self, spec)

def gen():
    yield from gen()

attempt("function", f)
attempt("str", lambda: str(S()))
attempt("eq", lambda: E() == E())
attempt("lt", lambda: L() < L())
attempt("hash", lambda: hash(H()))
attempt("getattr", lambda: G().x)
attempt("call", lambda: C()())
attempt("len", lambda: len(Len()))
attempt("add", lambda: Add() + 1)
attempt("getitem", lambda: Item()[0])
attempt("format", lambda: format(Fmt(), ""))
attempt("yield from", lambda: list(gen()))

x = None
for i in range(100000):
    x = [x]
attempt("deep list repr", lambda: repr(x))
attempt("deep list str", lambda: str(x))
d = None
for i in range(100000):
    d = {1: d}
attempt("deep dict repr", lambda: repr(d))
t = None
for i in range(100000):
    t = (t,)
attempt("deep tuple repr", lambda: repr(t))
attempt("compile", lambda: compile("1+" * 100000 + "1", "<s>", "eval"))
print(sys.getrecursionlimit(), len(repr(list(range(5)))))
