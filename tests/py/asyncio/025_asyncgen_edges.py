# Async generators and coroutine wrappers as CPython 3.11's: messages say "async generator"; a
# coroutine's __await__() iterator takes throw(type, value, tb); anext() over a types.coroutine
# generator closes after it finished; an aclose() awaited while asyncio throws into the task ends
# the await with its value (CPython's test_asyncgen aclose_12).
import types, asyncio, contextlib

def to_list(gen):
    async def iterate():
        res = []
        async for i in gen:
            res.append(i)
        return res
    return asyncio.run(iterate())

async def g5():
    yield 123
    raise StopAsyncIteration
async def g6():
    yield 123
    raise StopIteration
for g in (g5, g6):
    try: to_list(g())
    except RuntimeError as e: print("RuntimeError", e, repr(e.__cause__))

async def g10():
    yield 123
try: g10().__anext__().send(100)
except TypeError as e: print("TypeError", e)

class MyError(Exception): pass
async def co():
    try:
        await asyncio.sleep(0)
    except MyError:
        return 5
c = co()
c.send(None)
try: c.throw(MyError, MyError(), None)
except StopIteration as e: print("stop", e.value)
c = co(); c.send(None)
try: c.throw(MyError, None, None)
except StopIteration as e: print("stop", e.value)
def gen():
    try: yield 1
    except MyError as e: yield repr(e)
g = gen(); next(g); print(g.throw(MyError, MyError("x"), None))
g = gen(); next(g); print(g.throw(MyError, "arg"))

@types.coroutine
def tc():
    yield
    return 1
class AIt:
    def __aiter__(self): return self
    def __anext__(self): return tc()
obj = anext(AIt(), "completed")
g = obj.__await__()
print(type(obj).__name__)
try:
    g.send(None)
    print("sent", g.send(None))
except StopIteration as e: print("StopIteration", e.value)
g.close()

print('--- p2')
class MyError(Exception): pass
async def co():
    try:
        await asyncio.sleep(0)
    except MyError:
        return 5
w = co().__await__()
print(type(w).__name__)
w.send(None)
try: w.throw(MyError, MyError(), None)
except StopIteration as e: print("stop", e.value)
w = co().__await__(); w.send(None)
try: w.throw(MyError)
except StopIteration as e: print("stop", e.value)
w = co().__await__(); w.send(None); w.close(); print("closed")
try: w.throw(1, 2, 3, 4)
except TypeError as e: print(e)
@types.coroutine
def tc():
    yield
    return 1
async def user():
    return await tc()
c = user(); c.send(None)
try: c.send(None)
except StopIteration as e: print("user", e.value)
class AIt:
    def __aiter__(self): return self
    def __anext__(self): return tc()
obj = anext(AIt(), "completed")
g = obj.__await__()
print(g is obj)
g.send(None)
g.close(); print("closed ok")
obj = anext(AIt(), "completed")
try: obj.throw(SyntaxError)
except SyntaxError: print("SyntaxError thrown")
print('--- p5')
@types.coroutine
def suspend5(v):
    r = yield v
    return r
async def foo():
    try:
        yield 1
    finally:
        try:
            await suspend5("fut")
        except ZeroDivisionError:
            print("caught")
async def run():
    gen = foo()
    await gen.__anext__()
    r = await gen.aclose()
    print("aclose ->", r)
    return "run done"
c = run()
print("step1", c.send(None))
try: c.throw(ZeroDivisionError)
except StopIteration as e: print("run returned", e.value)
g = foo()
a = g.__anext__()
try: a.send(None)
except StopIteration as e: print("anext", e.value)
cl = g.aclose(); print(cl.send(None))
try: cl.throw(ZeroDivisionError)
except StopIteration as e: print("athrow stop", e.value)
print('--- p7')
async def target():
    await asyncio.sleep(0)
    1 / 0
async def foo():
    task = asyncio.create_task(target())
    try:
        yield 1
    finally:
        try:
            print("awaiting task")
            await task
        except ZeroDivisionError:
            print("caught")
async def run():
    gen = foo()
    await gen.__anext__()
    a = gen.aclose()
    print(type(a))
    try:
        r = await a
    except BaseException as e:
        print("await aclose raised", type(e).__name__, repr(e))
        raise
    print("aclose ->", r)
asyncio.run(run())
