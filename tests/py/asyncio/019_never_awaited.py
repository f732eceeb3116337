# A coroutine dropped before it ever ran gives CPython's RuntimeWarning "coroutine ... was never
# awaited", filed under the line that dropped it, through warnings (filters, catch_warnings).
import asyncio
import gc
import sys
import warnings


async def job(x=None):
    return x


job()                      # an expression statement: dropped at once
print("after the bare call")

c = job()
c = None                   # rebinding drops it: this line is named
print("after the rebinding")


def keeps_a_local():
    x = job()
    print("in keeps_a_local")


keeps_a_local()            # the local goes when the function returns: the caller's line


async def main():
    job()
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())

# Awaited, closed, or run by a task: no warning.
async def fine():
    await job()
    c = job()
    c.close()
    await asyncio.create_task(job())


asyncio.run(fine())
print("no warning above this line for fine()")

# Recorded by catch_warnings: the record keeps the coroutine as its source; it is still usable
# and is not reported a second time.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job(41)
print(len(caught), caught[0].category.__name__, str(caught[0].message))
source = caught[0].source
print(type(source).__name__, source.cr_frame is not None)
print("awaited later:", asyncio.run(source))
del caught, source
gc.collect()
print("nothing more reported")

# Ignored by a filter.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    job()
print("ignored")

# An "error" filter: the error cannot propagate from a finalizer, so it is unraisable.
def hook(args):
    print("unraisable:", type(args.exc_value).__name__, args.exc_value)


sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter("error")
    job()
sys.unraisablehook = sys.__unraisablehook__

# In a reference cycle: reported when the collector frees it.
holder = []
holder.append(job(holder))
del holder
gc.collect()
print("collected")
