# Functions with every kind of parameter, lambdas, decorators, annotations.
def f():
    pass

def g(a, b=1, *args, c, d=2, **kw):
    return a

def h(a, b, /, c, *, d, e=3):
    return

def ann(x: int, *rest: str, y: "s" = None, **more: bool) -> list:
    ...

@decorator
@deco.attr(1, k=2)
def decorated(): return 1

lam = lambda: 0
lam2 = lambda a, b=2, *c, d, e=5, **f: a + b
lam3 = lambda a, /, b: a
def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)
    y = yield a, b
def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
    return inner
