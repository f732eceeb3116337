# PEP 525's hooks: an async generator's first iteration calls sys.get_asyncgen_hooks().firstiter
# and keeps the finalizer, which runs in place of closing it when it is dropped unfinished.
# asyncio's loop uses them to close async generators with aclose() (shutdown_asyncgens).
import asyncio
import gc
import sys

print(sys.get_asyncgen_hooks())
seen = []


def firstiter(agen):
    seen.append(("firstiter", agen.__name__))


def finalizer(agen):
    seen.append(("finalizer", agen.__name__))
    finalized.append(agen)          # keeps it alive: it is closed below by hand


finalized = []


async def counter(name, n):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally of", name)


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks()[1] is finalizer)

g = counter("g", 3)
print("made, no hook yet:", seen)
step = g.__anext__()
try:
    step.send(None)
except StopIteration as e:
    print("first value", e.value)
print(seen)
del step
g = None                             # dropped unfinished: to the finalizer, not closed here
print(seen)
print("held by the finalizer:", len(finalized), finalized[0].ag_frame is not None)
try:
    finalized[0].aclose().send(None)
except StopIteration:
    print("closed by hand")
finalized.clear()
gc.collect()
print("no second finalizer:", seen[-1])

# Finished generators never reach the finalizer.
async def drain():
    async for _ in counter("drained", 2):
        pass


try:
    drain().send(None)
except StopIteration:
    pass
print(seen)

sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())

# Errors: a hook must be callable; an error in firstiter reaches the iteration.
for bad in [(1,), (None, 2)]:
    try:
        sys.set_asyncgen_hooks(*bad)
    except TypeError as e:
        print("TypeError:", e)


def failing(agen):
    raise ValueError("firstiter failed")


sys.set_asyncgen_hooks(firstiter=failing)
try:
    counter("x", 1).__anext__()
except ValueError as e:
    print("ValueError:", e)
sys.set_asyncgen_hooks(*old)


# Under asyncio: a `break` out of `async for` leaves the generator to the loop, which closes it
# with aclose() in a task; asyncio.run closes any left at the end (shutdown_asyncgens).
async def ticker(name):
    try:
        yield 1
        await asyncio.sleep(0)
        yield 2
    finally:
        print("cleanup", name)


async def main():
    async for x in ticker("broken"):
        print("got", x)
        break
    print("after break")
    kept = ticker("kept")
    print("kept gives", await kept.__anext__())
    print("hooks set by the loop:", [h is not None for h in sys.get_asyncgen_hooks()])
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("hooks after run:", sys.get_asyncgen_hooks())
