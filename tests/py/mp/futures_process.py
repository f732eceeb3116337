# concurrent.futures.ProcessPoolExecutor (CPython's own package over minipy's multiprocessing):
# map with chunksize and timeout, submit, initializer, mp_context, as_completed, wait, an exception
# raised in a worker, an unpicklable argument, a worker killed by a signal (BrokenProcessPool), and
# shutdown; no child is left behind.
import concurrent.futures as cf
import multiprocessing as mp
import os
import signal

_state = {}


def init(tag):
    _state["tag"] = tag


def tagged(x):
    return "%s%d" % (_state.get("tag", "?"), x)


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad value %d" % x)


def die(x):
    os.kill(os.getpid(), signal.SIGKILL)


def pid_of(x):
    return os.getpid()


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=4, timeout=30)))
        print(ex.submit(pow, 2, 10).result())
        futures = [ex.submit(square, i) for i in range(6)]
        print(sorted(f.result() for f in cf.as_completed(futures)))
        done, pending = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
        print(len(done) >= 1)
        f = ex.submit(fail, 7)
        e = f.exception()
        print(type(e).__name__, e, type(e.__cause__).__name__)
        print("raise ValueError" in e.__cause__.tb, e.__cause__.tb.startswith('\n"""\nTraceback'))
        try:
            list(ex.map(fail, [1, 2]))
        except ValueError as e:
            print("map raised", e)
        f = ex.submit(square, lambda: 0)
        e = f.exception()
        print(type(e).__name__, "attribute lookup <lambda> on __main__ failed" in str(e))
        print(len(set(ex.map(pid_of, range(20)))) <= 2)
    with cf.ProcessPoolExecutor(2, initializer=init, initargs=("w",),
                                mp_context=mp.get_context("fork")) as ex:
        print(list(ex.map(tagged, range(4))))

    ex = cf.ProcessPoolExecutor(2)
    print(ex.submit(square, 3).result())
    f = ex.submit(die, 0)
    try:
        f.result(timeout=30)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    try:
        ex.submit(square, 1)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    ex.shutdown()
    try:
        cf.ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError", e)
    ex = cf.ProcessPoolExecutor(1)
    ex.shutdown()
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError", e)
    print(mp.active_children())
