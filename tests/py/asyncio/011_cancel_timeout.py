# Cancellation and timeouts in CPython's asyncio on minipy: Task.cancel, CancelledError inside
# the task, wait_for, asyncio.timeout (3.11), shield, and cleanup in finally blocks.
import asyncio


async def sleeper(log, name, delay):
    try:
        await asyncio.sleep(delay)
        log.append(name + " finished")
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
    finally:
        log.append(name + " cleanup")


async def main():
    log = []
    t = asyncio.create_task(sleeper(log, "t1", 10))
    await asyncio.sleep(0.01)
    print(t.cancel(), t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting it raised", type(e).__name__)
    print(t.cancelled(), log)

    try:
        await asyncio.wait_for(sleeper(log, "t2", 10), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("wait_for:", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(log[-2:])
    print(await asyncio.wait_for(asyncio.sleep(0, "fast"), timeout=1))

    try:
        async with asyncio.timeout(0.02) as cm:
            await sleeper(log, "t3", 10)
    except TimeoutError:
        print("timeout() raised TimeoutError", cm.expired())
    print(log[-2:])
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("in time", cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 0.01)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("rescheduled deadline cancelled the sleep")
            raise
    print("unreachable")


async def outer():
    try:
        await main()
    except TimeoutError:
        print("outer caught TimeoutError")

    # A task cancelled with a message
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    # shield: the outer await is cancelled, the inner task goes on
    inner = asyncio.create_task(asyncio.sleep(0.3, "inner result"))
    waiter = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 0.01))
    try:
        await waiter
    except TimeoutError:
        print("shield: waiter timed out")
    print(await inner)

    # uncancel / cancelling counts (3.11)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print(t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled once more")


asyncio.run(outer())
