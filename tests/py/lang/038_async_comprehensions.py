# Asynchronous comprehensions (PEP 530): `async for` in list/set/dict comprehensions and generator
# expressions, `await` inside them, nesting; driven by hand, without asyncio.
import types
class ARange:
    def __init__(self, n): self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1
async def agen(n):
    for i in range(n):
        yield i
async def double(x):
    return x * 2
async def main():
    print([x async for x in agen(4)])
    print({x: x * x async for x in ARange(3)})
    print({x async for x in agen(3) if x != 1})
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in agen(3)])
    print([[y async for y in agen(x)] for x in range(3)])
    print([x + y async for x in agen(2) for y in range(2)])
    print([x + y for x in range(2) async for y in agen(2)])
    g = (await double(x) for x in range(3))
    print(type(g).__name__, [v async for v in g])
    g2 = (x async for x in agen(2))
    print(type(g2).__name__, [v async for v in g2])
    try:
        [x async for x in 5]
    except TypeError as e:
        print("TypeError:", e)
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
run(main())
