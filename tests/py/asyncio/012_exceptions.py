# Exceptions in CPython's asyncio on minipy: a failing task, gather with and without
# return_exceptions, TaskGroup's ExceptionGroup, and CPython's errors for bad input.
import asyncio


async def fail(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def ok(n, delay=0):
    await asyncio.sleep(delay)
    return n


async def main():
    t = asyncio.create_task(fail("boom"))
    try:
        await t
    except ValueError as e:
        print("task raised", repr(e), repr(t.exception()))
    try:
        await asyncio.gather(ok(1), fail("in gather"), ok(3))
    except ValueError as e:
        print("gather raised", e)
    print(await asyncio.gather(ok(1), fail("kept"), ok(3), return_exceptions=True))

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok("a", 0.01))
        b = tg.create_task(ok("b"))
    print("TaskGroup results", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("first", 0.01))
            tg.create_task(fail("second", 5))  # cancelled when "first" fails: no wait
            slow = tg.create_task(ok("slow", 10))
    except* ValueError as eg:
        print("except*", sorted(str(e) for e in eg.exceptions), slow.cancelled())

    # awaiting something that is not awaitable
    try:
        await 42
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(ok)
    except TypeError as e:
        print("TypeError:", str(e).split(" at ")[0])
    # (the texts differ between CPython's C Future and its pure-Python one, which minipy runs)
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError")
    f.set_result(1)
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError")
    coro = ok(1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()  # never awaited: closed, so CPython does not warn


try:
    asyncio.run(ok)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
asyncio.run(main())

loop = asyncio.new_event_loop()
print(loop.run_until_complete(ok("on a loop of our own")))
loop.close()
print(loop.is_closed())
coro = ok(1)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
