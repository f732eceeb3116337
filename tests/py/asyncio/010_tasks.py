# CPython's asyncio on minipy: asyncio.run, coroutines, tasks and their results, gather,
# create_task ordering, done callbacks, current_task/all_tasks, and run_in_executor with threads.
import asyncio
import threading


async def double(n, delay=0):
    await asyncio.sleep(delay)
    return n * 2


async def main():
    print(await double(1))
    t = asyncio.create_task(double(2), name="doubler")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    print(await asyncio.gather(*(double(i, 0.01 * (5 - i)) for i in range(5))))

    order = []

    async def step(name, n):
        for i in range(n):
            order.append((name, i))
            await asyncio.sleep(0)

    await asyncio.gather(step("a", 3), step("b", 2))
    print(order)

    done_names = []
    t = asyncio.create_task(double(3))
    t.add_done_callback(lambda task: done_names.append(task.result()))
    await t
    await asyncio.sleep(0)
    print(done_names)

    print(asyncio.current_task() is not None, len(asyncio.all_tasks()))

    loop = asyncio.get_running_loop()
    main_thread = threading.get_ident()

    def blocking(x):
        return x + 1, threading.get_ident() != main_thread

    print(await loop.run_in_executor(None, blocking, 41))
    print(await asyncio.to_thread(blocking, 1))

    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "from call_later")
    print(await fut)
    fut = loop.create_future()
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "from a thread")).start()
    print(await fut)

    # (the others wait seconds, so a busy machine cannot finish two first)
    done, pending = await asyncio.wait([asyncio.create_task(double(i, 5 * i)) for i in range(3)],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    for t in pending:
        t.cancel()
    results = []
    for coro in asyncio.as_completed([double(3, 0.03), double(1, 0.01), double(2, 0.02)]):
        results.append(await coro)
    print(results)
    print(await asyncio.shield(double(5)))
    return "main done"


print(asyncio.run(main()))
print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
c = double(1)
print(asyncio.iscoroutine(c), asyncio.iscoroutine(double))
c.close()
