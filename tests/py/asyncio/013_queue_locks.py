# asyncio's Queue (FIFO, LIFO, priority, task_done/join, full/empty errors) and its Lock, Event,
# Semaphore, BoundedSemaphore and Condition, with a deterministic order of events.
import asyncio


async def producer_consumer():
    q = asyncio.Queue(maxsize=2)
    log = []

    async def producer():
        for i in range(5):
            await q.put(i)
            log.append("put %d" % i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            log.append("got %d" % item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer())
    await q.join()
    print(log)
    print(q.empty(), q.qsize(), q.maxsize)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__)
    q2 = asyncio.Queue(1)
    q2.put_nowait("x")
    try:
        q2.put_nowait("y")
    except asyncio.QueueFull as e:
        print(type(e).__name__, q2.full())
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        lq.put_nowait(x)
        pq.put_nowait((x, "p%d" % x))
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    try:
        await asyncio.wait_for(asyncio.Queue().get(), 0.01)
    except TimeoutError:
        print("get timed out")


async def locks():
    lock = asyncio.Lock()
    log = []

    async def worker(name):
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(0.01)
            log.append(name + " out")

    await asyncio.gather(worker("a"), worker("b"), worker("c"))
    print(log, lock.locked())

    event = asyncio.Event()
    seen = []

    async def waiter(n):
        await event.wait()
        seen.append(n)

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0)
    print(event.is_set(), seen)
    event.set()
    await asyncio.gather(*tasks)
    print(event.is_set(), seen)

    sem = asyncio.Semaphore(2)
    running = []
    peak = 0

    async def limited(n):
        nonlocal peak
        async with sem:
            running.append(n)
            peak = max(peak, len(running))
            await asyncio.sleep(0.01)
            running.remove(n)

    await asyncio.gather(*(limited(n) for n in range(6)))
    print("peak", peak, sem.locked())
    bsem = asyncio.BoundedSemaphore(1)
    await bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            items.pop()
            print(name, "consumed")

    cs = [asyncio.create_task(consumer("c%d" % i)) for i in range(2)]
    await asyncio.sleep(0)
    for i in range(2):
        async with cond:
            items.append(i)
            cond.notify()
        await asyncio.sleep(0.01)
    await asyncio.gather(*cs)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(producer_consumer())
asyncio.run(locks())
