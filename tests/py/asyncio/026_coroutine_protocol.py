# Coroutines as CPython 3.11's: `yield from` a coroutine only inside a (types.coroutine) coroutine;
# the `async with` errors (missed __aexit__, what __aenter__/__aexit__ return that is not
# awaitable); a finished coroutine refuses send/throw; a coroutine awaited twice; the cause of an
# invalid __anext__ result; getset docs; frame.clear() of an unstarted coroutine warns; athrow's
# (type, instance) form; an exception's explicit None __context__ stays None when it leaves a
# generator through throw().
import types
import warnings


@types.coroutine
def nop():
    yield


async def coroutine():
    await nop()
    return 'spam'


@types.coroutine
def delegating():
    return (yield from coroutine())


def plain(coro):
    yield from coro


c = delegating()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print("delegating", e.value)
refused = coroutine()
try:
    list(plain(refused))
except TypeError as e:
    print("TypeError", e)
refused.close()


class NoExit:
    def __aenter__(self):
        pass


class BadEnter:
    async def __aexit__(self, *a):
        pass

    def __aenter__(self):
        return 1


class BadExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return 2


async def use(cm):
    async with cm:
        pass


for cm in (NoExit(), BadEnter(), BadExit()):
    try:
        use(cm).send(None)
    except (TypeError, StopIteration) as e:
        print(type(e).__name__, e)

async def once():
    return 1
co = once()
try:
    co.send(None)
except StopIteration as e:
    print("value", e.value)
for call in (lambda: co.send(None), lambda: co.throw(ValueError("x")), lambda: co.close()):
    try:
        print("ok", call())
    except BaseException as e:
        print(type(e).__name__, e)

running = coroutine()
running.send(None)


async def waiter(x):
    await x
try:
    waiter(running).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
running.close()
class F:
    def __aiter__(self): return self
    def __anext__(self): return self
    def __await__(self): 1 / 0
class G:
    def __aiter__(self): return self
    def __anext__(self): return 5
async def main(x):
    async for _ in x:
        pass
for x in (F(), G()):
    try: main(x).send(None)
    except TypeError as e: print("TypeError", e, "| cause:", repr(e.__cause__), "| ctx:", repr(e.__context__), e.__suppress_context__)

ct = types.CoroutineType
print(ct.__dict__['__name__'].__doc__, '|', ct.__dict__['cr_await'].__doc__, '|',
      types.AsyncGeneratorType.__dict__['__qualname__'].__doc__, '|', types.GeneratorType.__dict__['gi_yieldfrom'].__doc__)


async def never():
    pass
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g = never()
    g.cr_frame.clear()
    print([str(x.message) for x in w])
    g.close()
import asyncio
from contextlib import asynccontextmanager
@asynccontextmanager
async def woohoo():
    try:
        yield 42
    except ZeroDivisionError as e:
        print("caught", e.args)
async def main():
    async with woohoo() as x:
        raise ZeroDivisionError(999)
    print("after")
asyncio.run(main())
async def agen():
    try:
        yield 1
    except ZeroDivisionError as e:
        print("gen caught", e)
async def m2():
    g = agen()
    await g.__anext__()
    try:
        await g.athrow(ZeroDivisionError, ZeroDivisionError(5), None)
    except StopAsyncIteration:
        print("StopAsyncIteration")
asyncio.run(m2())
def run(co):
    try:
        while True: co.send(None)
    except StopIteration as e: return e.value
g = agen(); run(g.__anext__())
try: run(g.athrow(ZeroDivisionError(6)))
except StopAsyncIteration: print("SAI")
g = agen(); run(g.__anext__())
try: run(g.athrow(ZeroDivisionError, ZeroDivisionError(7)))
except StopAsyncIteration: print("SAI")
g = agen(); run(g.__anext__())
try: run(g.athrow(ZeroDivisionError, 8))
except StopAsyncIteration: print("SAI")

class MyException(Exception): pass
def f():
    try:
        raise IndexError()
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None
try: f()
except MyException as e: print("plain:", repr(e.__context__))
def g():
    try:
        yield
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None
gen = g(); next(gen)
try:
    try:
        raise IndexError()
    except IndexError as ie:
        gen.throw(IndexError, ie, None)
except MyException as e: print("gen:", repr(e.__context__))
gen = g(); next(gen)
try:
    gen.throw(IndexError())
except MyException as e: print("gen2:", repr(e.__context__))
