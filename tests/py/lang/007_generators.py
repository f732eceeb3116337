# generators: checked against CPython 3.11's output.
def gen():
    x = yield 1
    print("got", x)
    try:
        yield 2
    finally:
        print("cleanup")
    return 10
g = gen(); print(next(g)); print(g.send("hi")); g.close()
def inner():
    r = yield "a"
    print("inner got", r)
    return "inner-ret"
def outer():
    v = yield from inner()
    print("v", v)
    yield "b"
o = outer(); print(next(o)); print(o.send(5)); print(list(o))
def t():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)
x = t(); next(x); print(x.throw(ValueError("oops")))
def r(): return (yield)
def stop():
    yield 1
    raise StopIteration
try: list(stop())
except RuntimeError as e: print(e)
def ret():
    yield 1
    return 5
it = ret(); next(it)
try: next(it)
except StopIteration as e: print("value", e.value)
print(sum(x*x for x in range(5)), sorted(x for x in "cab"), list(zip(gen(), "ab")), dict(enumerate("xy")))
a, *b = (i for i in range(4)); print(a, b)
print(max(i % 3 for i in range(7)), min((i for i in [3,1,2])), any(x > 2 for x in [1,3]), all(x for x in []))
def deleg():
    yield from range(3)
    yield from [7, 8]
print(list(deleg()))
