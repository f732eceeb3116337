# asyncio_sleep.py [N] — N (default 1000) asyncio tasks that each await asyncio.sleep(0.1), all at
# once. The ideal is 0.1 s; what comes on top is the event loop's cost of creating, scheduling and
# waking N tasks. Prints the task count, the tasks finished and the time from the first
# create_task to the last result (the interpreter's start-up and `import asyncio` not included).
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
WAIT = 0.1


async def request(i):
    await asyncio.sleep(WAIT)
    return i


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(request(i) for i in range(N)))
    return len(results), time.perf_counter() - start


finished, elapsed = asyncio.run(main())
print(f"tasks={N} finished={finished} time={elapsed:.3f}s")
