# Coroutines (async def / await), async with, async for and async generators, driven by hand with
# send() as an event loop would.
async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    print("x", x)
    return x * 10

c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)

class Sleep:
    def __await__(self):
        v = yield "tick"
        return v

async def waiter():
    r = await Sleep()
    return r

w = waiter()
print(w.send(None))
try:
    w.send(42)
except StopIteration as e:
    print("got", e.value)

class ACM:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, *a):
        print("exit", a[0])
        return True

async def agen(n):
    for i in range(n):
        await Sleep()
        yield i

async def use():
    async with ACM() as m:
        print("inside")
        raise ValueError
    out = []
    async for v in agen(3):
        out.append(v)
    else:
        out.append("else")
    return out

def run(coro):
    v = None
    while True:
        try:
            v = coro.send(v)
        except StopIteration as e:
            return e.value

print(run(use()))
async def _ag():
    yield
print(type(_ag()).__name__, type(_ag().__anext__()).__name__)
print(run(main()))
try:
    async def bad():
        await 3
    run(bad())
except TypeError as e:
    print(e)

# Async generator protocol: asend, athrow, aclose; StopAsyncIteration at the end.
async def counter():
    try:
        got = yield 1
        print("sent", got)
        yield 2
    finally:
        print("cleanup")

g = counter()
print(run(g.__anext__()), run(g.asend("hello")))
print(run(g.aclose()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")

async def fails():
    yield 1
    raise KeyError("k")

async def collect():
    out = []
    try:
        async for v in fails():
            out.append(v)
    except KeyError as e:
        out.append(repr(e))
    return out
print(run(collect()))

# The coroutine's __await__ iterator, and errors.
c = add(2, 3)
it = c.__await__()
try:
    next(it)
except StopIteration as e:
    print("await iter", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
c2 = add(1, 1)
print(repr(c2)[:26].replace("add", "ADD"))
c2.close()
async def bad_with():
    async with 5:
        pass
try:
    run(bad_with())
except TypeError as e:
    print(e)
async def bad_for():
    async for x in [1]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(e)
