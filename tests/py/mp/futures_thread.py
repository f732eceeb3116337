# concurrent.futures.ThreadPoolExecutor (CPython's own package): submit, map with timeout, Future's
# API (result/exception/done/cancel/add_done_callback), as_completed, wait's three conditions,
# shutdown(cancel_futures=True), and the errors for a pool used after shutdown.
import concurrent.futures as cf
import threading
import time


def square(x):
    return x * x


def fail(x):
    raise KeyError(x)


def wait_for(event):
    event.wait(5)
    return "released"


with cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="w") as ex:
    print(list(ex.map(square, range(8))))
    print(list(ex.map(pow, [2, 3], [5, 2], timeout=5)))
    f = ex.submit(square, 12)
    print(f.result(), f.done(), f.cancelled(), f.exception())
    f = ex.submit(fail, "k")
    print(repr(f.exception()))
    try:
        f.result()
    except KeyError as e:
        print("KeyError", e)
    seen = []
    f = ex.submit(square, 3)
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    f.result()
    # The callback runs in the worker thread just after the result is set: wait for it.
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
    print(seen)
    fs = [ex.submit(square, i) for i in range(5)]
    print(sorted(fut.result() for fut in cf.as_completed(fs, timeout=5)))
    done, pending = cf.wait(fs, return_when=cf.ALL_COMPLETED)
    print(len(done), len(pending))
    gate = threading.Event()
    slow = ex.submit(wait_for, gate)
    quick = ex.submit(fail, 1)
    done, pending = cf.wait([slow, quick], timeout=5, return_when=cf.FIRST_EXCEPTION)
    print(quick in done, slow in pending)
    done, pending = cf.wait([slow, quick], timeout=0.05, return_when=cf.ALL_COMPLETED)
    print(len(done), len(pending))
    gate.set()
    print(slow.result(5))
    print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

# cancel_futures: queued calls are cancelled, the running one finishes.
ex = cf.ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
running = ex.submit(wait_for, gate)
queued = [ex.submit(square, i) for i in range(3)]
# The worker must have taken the first call before shutdown, or it too would be cancelled.
deadline = time.monotonic() + 5
while not running.running() and time.monotonic() < deadline:
    time.sleep(0.01)
print(queued[0].cancel(), queued[0].cancelled())
# Cancelled while the worker is still held at the gate: released first, a fast worker could take
# the next queued call before shutdown drained the queue (seen in minipy-ft).
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
ex.shutdown(wait=True)
print(running.result(), [q.cancelled() for q in queued])
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    cf.ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)
f = cf.Future()
print(f.running(), f.done(), f.set_running_or_notify_cancel(), f.running())
f.set_result(5)
print(f.result(), f.done())
f = cf.Future()
print(f.cancel(), f.cancelled())
try:
    f.result()
except cf.CancelledError:
    print("CancelledError")
try:
    cf.Future().result(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError")
