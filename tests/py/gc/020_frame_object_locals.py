# A frame object copies its frame's locals only when f_locals is read, and when the frame ends (as
# CPython makes f_locals on demand): taking sys._getframe() must not keep alive what the locals
# held a moment ago. asyncio's debug mode takes the caller's frame for every task it makes, so a
# pending task whose only references were locals could never be freed.
import asyncio
import gc
import sys
import weakref


class Thing:
    pass


def local_dropped_after_getframe():
    thing = Thing()
    alive = weakref.ref(thing)
    frame = sys._getframe(0)
    frame.f_lineno  # the line is read, the locals are not copied
    del thing
    print("freed after getframe:", alive() is None)
    thing = Thing()
    alive = weakref.ref(thing)
    seen = frame.f_locals  # a copy now: it holds the object, as in CPython
    del thing
    print("kept by f_locals:", alive() is not None, "thing" in seen)
    frame.f_locals  # read again: the copy is refreshed, the object goes
    print("freed after refresh:", alive() is None, "thing" in seen)


local_dropped_after_getframe()


def ended():
    kept = Thing()
    return sys._getframe(0), weakref.ref(kept)


frame, alive = ended()
print("an ended frame keeps its last locals:", alive() is not None, sorted(frame.f_locals))
del frame
print("until it goes:", alive() is None)


async def waits_forever(loop):
    future = loop.create_future()
    await future


def destroyed_pending_task():
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.set_exception_handler(lambda loop, context: print("handler:", context["message"]))
    coro = waits_forever(loop)
    task = asyncio.ensure_future(coro, loop=loop)
    loop._run_once()
    coro = task = None
    gc.collect()
    print("tasks left:", len(asyncio.all_tasks(loop=loop)))
    loop.close()


destroyed_pending_task()
