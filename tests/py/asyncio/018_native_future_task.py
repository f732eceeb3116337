# asyncio's Future and Task as the native _asyncio gives them: states, results and exceptions,
# callbacks and their order, cancellation with messages, the attributes asyncio's own code reads,
# derived classes, bad yields, and the errors and log messages CPython 3.11 gives.
import asyncio
import contextvars


def show(label, fn):
    try:
        print(label, "->", fn())
    except BaseException as e:
        print(label, "->", type(e).__name__, e)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
logged = []
loop.set_exception_handler(lambda lp, ctx: logged.append(ctx["message"]))

# ---- Future on its own ----
f = loop.create_future()
print(type(f).__module__, type(f).__name__, asyncio.isfuture(f), f._state, f.done(), f.cancelled())
print(repr(f), f._callbacks, f._result, f._exception, f._asyncio_future_blocking, f._log_traceback)
show("result pending", f.result)
show("exception pending", f.exception)
order = []
f.add_done_callback(lambda fut: order.append(("first", fut.result())))
f.add_done_callback(lambda fut: order.append(("second", fut.result())))
f.add_done_callback(print)
print(len(f._callbacks), [type(c).__name__ for c in f._callbacks[0]])
print("removed", f.remove_done_callback(print), len(f._callbacks))
f.set_result(42)
print(repr(f), f._state, f.result(), f.exception())
show("set again", lambda: f.set_result(1))
show("cancel done", f.cancel)
loop.run_until_complete(asyncio.sleep(0))
print(order)
f.add_done_callback(lambda fut: order.append("late"))
loop.run_until_complete(asyncio.sleep(0))
print(order)

# exceptions: a class is instantiated, StopIteration refused, the traceback kept
f = loop.create_future()
f.set_exception(ValueError)
print(repr(f), type(f.exception()).__name__)
show("result raises", f.result)
f = loop.create_future()
show("StopIteration", lambda: f.set_exception(StopIteration()))
show("not an exception", lambda: f.set_exception(3))
show("_log_traceback True", lambda: setattr(f, "_log_traceback", True))
show("_state read-only", lambda: setattr(f, "_state", "X"))
show("delete blocking", lambda: delattr(f, "_asyncio_future_blocking"))
f.extra = "attributes go in __dict__"
print(f.extra)
show("__dict__ of a Future", lambda: f.__dict__)


def raiser():
    raise KeyError("deep")


f = loop.create_future()
try:
    raiser()
except KeyError as e:
    f.set_exception(e)
try:
    f.result()
except KeyError as e:
    import traceback

    print([fr.name for fr in traceback.extract_tb(e.__traceback__)])

# cancellation
f = loop.create_future()
f.add_done_callback(lambda fut: order.append("cancel cb"))
print(f.cancel(msg="stop now"), f.cancelled(), f._state, f._cancel_message, repr(f))
show("cancelled result", f.result)
show("cancelled exception", f.exception)
print(f.cancel())
loop.run_until_complete(asyncio.sleep(0))
print(order[-1])

# an exception nobody retrieved is reported when the future goes
f = loop.create_future()
f.set_exception(RuntimeError("lost"))
del f
f = loop.create_future()
f.set_exception(RuntimeError("seen"))
f.exception()
del f
print(logged)
logged.clear()

# ---- await and yield from ----
f = loop.create_future()
it = f.__await__()
print(next(it) is f, f._asyncio_future_blocking)
f._asyncio_future_blocking = False
f.set_result("value")
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
f = loop.create_future()
it = iter(f)
next(it)
show("resumed too early", lambda: next(it))
it = loop.create_future().__await__()
show("throw", lambda: it.throw(ValueError("in")))


def legacy(fut):
    value = yield from fut
    return value * 2


f = loop.create_future()
g = legacy(f)
print(g.send(None) is f)
f.set_result(21)
try:
    g.send(None)
except StopIteration as e:
    print("yield from gives", e.value)

# ---- Task ----
var = contextvars.ContextVar("var", default="unset")


async def child(x, delay):
    await asyncio.sleep(delay)
    return x * 10


async def failing():
    await asyncio.sleep(0)
    raise ZeroDivisionError("boom")


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleeper cancelled with", e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores it")
    return "survived"


async def reads_var():
    return var.get()


async def main():
    t = asyncio.create_task(child(4, 0.01), name="worker")
    print(t.get_name(), t.done(), type(t).__name__, t._coro is t.get_coro(), t._fut_waiter)
    await asyncio.sleep(0)
    print(type(t._fut_waiter).__name__, t._must_cancel)
    print("result", await t, repr(t).startswith("<Task finished name='worker'"))
    t.set_name(123)
    print(repr(t.get_name()))
    show("task set_result", lambda: t.set_result(1))
    show("task set_exception", lambda: t.set_exception(ValueError()))

    bad = asyncio.create_task(failing())
    try:
        await bad
    except ZeroDivisionError as e:
        print("awaited failure:", e, bad.exception())

    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(s.cancel("why not"), s.cancelling(), s._must_cancel)
    try:
        await s
    except asyncio.CancelledError as e:
        print("awaiting cancelled task:", e.args, s.cancelled())
    print(s.uncancel(), s.uncancel())

    st = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    st.cancel()
    print(await st, st.cancelled(), st.cancelling())

    # a task cancelled before it ever ran
    early = asyncio.create_task(child(1, 0))
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print("early cancelled", early.cancelled())

    var.set("in main")
    print(await asyncio.create_task(reads_var()))
    other = contextvars.Context()
    print(await asyncio.create_task(reads_var(), context=other))

    print(await asyncio.gather(child(1, 0.02), child(2, 0.01), child(3, 0)))
    print(sorted(t.get_name() for t in asyncio.all_tasks()), asyncio.current_task().get_name())

    async def yields(value):
        class BadYield:
            def __await__(self):
                yield value

        await BadYield()

    for value in (123, (x for x in ())):
        try:
            await asyncio.create_task(yields(value))
        except RuntimeError as e:
            print(str(e).split(" in task")[0].split(":")[0])

    async def awaits_itself():
        await me

    me = asyncio.create_task(awaits_itself())
    try:
        await me
    except RuntimeError as e:
        print(str(e)[:33])


loop.run_until_complete(main())

# ---- derived classes ----


class MyFuture(asyncio.Future):
    def __init__(self, *, loop=None):
        self.made = "before super"
        super().__init__(loop=loop)

    def add_done_callback(self, fn, *, context=None):
        print("MyFuture.add_done_callback")
        super().add_done_callback(fn, context=context)


class MyTask(asyncio.Task):
    pass


async def waits_on_mine():
    fut = MyFuture()
    asyncio.get_running_loop().call_later(0.01, fut.set_result, "mine")
    return fut.made, await fut


t = MyTask(waits_on_mine(), loop=loop, name="derived")
print(loop.run_until_complete(t), type(t).__name__, t.get_name(), isinstance(t, asyncio.Future))
print(asyncio.Task.__mro__[1].__name__, issubclass(asyncio.Task, asyncio.Future))
show("not a coroutine", lambda: asyncio.Task(42, loop=loop))
show("positional", lambda: asyncio.Future(loop))


async def never_finishes():
    await asyncio.sleep(100)


pending = loop.create_task(never_finishes())
loop.run_until_complete(asyncio.sleep(0))
pending._log_destroy_pending = False
pending.cancel()
loop.run_until_complete(asyncio.sleep(0))
print(pending.cancelled(), logged)

loop.close()
print(asyncio.run(child(5, 0)))
