# aiter() and anext(): async iterators from __aiter__/__anext__, anext's default ending the iteration
# quietly (an anext_awaitable), with async generators and classes whose __anext__ is a coroutine;
# CPython's errors for objects that are not async iterables/iterators.
import asyncio


async def agen():
    yield 1
    yield 2


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class BadAiter:
    def __aiter__(self):
        return 5


for bad in [1, BadAiter(), "abc"]:
    try:
        aiter(bad)
    except TypeError as e:
        print(e)
for call in [lambda: anext(1), lambda: anext(1, 2), lambda: anext(), lambda: anext(agen(), 1, 2)]:
    try:
        call()
    except TypeError as e:
        print(e)


async def main():
    g = agen()
    it = aiter(g)
    print(it is g, await anext(it), await anext(it), await anext(it, "done"), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("stop", repr(e))
    c = aiter(Countdown(3))
    print([await anext(c, "end") for _ in range(5)])
    a = anext(agen(), 0)
    print(type(a).__name__, await a)
    async for x in aiter(Countdown(2)):
        print("for", x)


asyncio.run(main())
print(aiter.__doc__.splitlines()[0], anext.__doc__.splitlines()[0])
