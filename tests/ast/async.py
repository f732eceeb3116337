async def f(x):
    await x
    async with a as b, c:
        pass
    async for i in y:
        yield i
    else:
        pass

@dec
async def g():
    return [i async for i in x]
