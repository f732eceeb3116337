# generator delegation: send/throw/close through yield from, finally on close, PEP 479.
def inner():
    try:
        while True:
            got = yield "tick"
            print("inner got", got)
    except ValueError as e:
        print("inner caught", e)
        return "inner-done"
    finally:
        print("inner finally")
def outer():
    result = yield from inner()
    print("outer result", result)
    yield "after"
g = outer()
print(next(g)); print(g.send(1)); print(g.throw(ValueError("v")))
g2 = outer(); next(g2); g2.close(); print("closed")
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = ignore(); next(x)
try: x.close()
except RuntimeError as e: print(e)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("fin ran")
for v in fin():
    print(v)
    break
print("loop done")
def counter(n):
    i = 0
    while i < n:
        cmd = yield i
        if cmd == "reset": i = 0
        else: i += 1
c = counter(5); print(next(c), next(c), c.send("reset"), next(c))
gen = (x * 2 for x in range(3)); print(next(gen), list(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib(); print([next(f) for _ in range(10)])
def thrower():
    yield 1
t = thrower()
try: t.throw(KeyError("early"))
except KeyError as e: print("propagated", e)
print(next(t, "exhausted"))
def bad():
    yield 1
    next(iter([]))
list(bad())
