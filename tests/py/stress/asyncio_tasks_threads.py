# Many asyncio tasks while other threads run: event loops in three threads at once (each with 300
# tasks passing items through a Queue over a Lock-guarded counter), two threads hammering a shared
# dict, and the main loop fed from worker threads by call_soon_threadsafe and run_in_executor.
# In minipy-ft the loops run truly in parallel; every count and sum must still come out exact.
import asyncio
import threading

TASKS = 300
ROUNDS = 5


async def loop_job(k):
    q = asyncio.Queue()
    lock = asyncio.Lock()
    total = 0

    async def producer(i):
        for r in range(ROUNDS):
            await q.put(i * ROUNDS + r)
            await asyncio.sleep(0)

    async def consumer():
        nonlocal total
        while True:
            item = await q.get()
            async with lock:
                total += item
            q.task_done()

    consumers = [asyncio.create_task(consumer()) for _ in range(20)]
    await asyncio.gather(*(producer(i) for i in range(TASKS)))
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    return k, total


results = {}
shared = {}


def run_loop(k):
    results[k] = asyncio.run(loop_job(k))


def hammer(j):
    # each hammer its own keys of the shared dict, so no update may be lost
    for i in range(20000):
        key = (j, i % 100)
        shared[key] = shared.get(key, 0) + 1


threads = [threading.Thread(target=run_loop, args=(k,)) for k in range(3)]
threads += [threading.Thread(target=hammer, args=(j,)) for j in range(2)]
for t in threads:
    t.start()


async def main():
    loop = asyncio.get_running_loop()
    arrived = []
    done = asyncio.Event()

    def feed(n):
        for i in range(n):
            loop.call_soon_threadsafe(arrived.append, i)
        loop.call_soon_threadsafe(done.set)

    feeder = threading.Thread(target=feed, args=(2000,))
    feeder.start()
    squares = await asyncio.gather(*(loop.run_in_executor(None, pow, i, 2) for i in range(200)))
    await done.wait()
    feeder.join()
    return len(arrived), sum(arrived), sum(squares)


print(asyncio.run(main()))
for t in threads:
    t.join()
expected = sum(range(TASKS * ROUNDS))
print(sorted(results.values()) == [(k, expected) for k in range(3)], expected)
print(len(shared), sum(shared.values()))
