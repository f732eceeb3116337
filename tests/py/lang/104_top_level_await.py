# compile() with PyCF_ALLOW_TOP_LEVEL_AWAIT: module code that awaits (await, async for, async with,
# async comprehensions) compiles to a coroutine's code (CO_COROUTINE), which eval() and a
# FunctionType made from it run as a coroutine; without the flag each is a SyntaxError.
import ast, asyncio, types
from itertools import product
from textwrap import dedent
CO_COROUTINE = 0x80


async def arange(n):
    for i in range(n):
        yield i

samples = [
    '''a = await asyncio.sleep(0, result=1)''',
    '''async for i in arange(1):
           a = 1''',
    '''async with asyncio.Lock() as l:
           a = 1''',
    '''a = [x async for x in arange(2)][1]''',
    '''a = 1 in {x async for x in arange(2)}''',
    '''a = {x:1 async for x in arange(1)}[0]''',
    '''a = [x async for x in arange(2) async for x in arange(2)][1]''',
    '''a = [x async for x in (x async for x in arange(5))][1]''',
    '''a, = [1 for x in {x async for x in arange(1)}]''',
    '''a = [await asyncio.sleep(0, x) async for x in arange(2)][1]''',
]
for mode, sample in product(('single', 'exec'), samples):
    source = dedent(sample)
    try:
        compile(source, '?', mode)
        print("compiled without the flag:", source)
    except SyntaxError as e:
        print(mode, "SyntaxError:", e.msg)
    co = compile(source, '?', mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print(mode, bool(co.co_flags & CO_COROUTINE))
    g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
    asyncio.run(types.FunctionType(co, g)())
    print(g['a'])
    g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
    coro = eval(co, g)
    print(type(coro).__name__)
    asyncio.run(coro)
    print(g['a'])

for mode, sample in product(('single', 'exec'), ['def f():pass\n', '[x for x in l]', '{x for x in l}',
                                                 '(x for x in l)', '{x:x for x in l}']):
    co = compile(sample, '?', mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print(mode, repr(sample), bool(co.co_flags & CO_COROUTINE))

# Inside a function the flag changes nothing.
for sample in ['def f():\n    await x\n', 'def f():\n    async for i in y: pass\n',
               'class C:\n    await x\n', 'lambda: await x\n']:
    try:
        compile(sample, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        print("compiled", repr(sample))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
# An expression in 'eval' mode.
co = compile("await asyncio.sleep(0, result=42)", '?', 'eval', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(co.co_flags & CO_COROUTINE), asyncio.run(eval(co, {'asyncio': asyncio})))
