# Start methods: get_context("fork" | "spawn" | "forkserver"), set_start_method/get_start_method,
# what a spawned child sees (the main module re-run as __mp_main__, so the __main__ guard keeps
# this block from running again; module state set under the guard is not there), a Queue, a Lock,
# a Value and a Pool under each method, and the errors.
import multiprocessing as mp
import os
import sys

marker = "set at import"


def report(q, lock, counter):
    with lock:
        counter.value += 1
    q.put((mp.current_process().name, __name__, marker, mp.parent_process().name))


def square(x):
    return x * x


class Box:
    def __init__(self, v):
        self.v = v


def unbox(box, conn):
    conn.send(Box(box.v * 2))
    conn.close()


if __name__ == "__main__":
    marker = "changed under the guard"
    print(mp.get_start_method(allow_none=True))
    print(sorted(mp.get_all_start_methods()))
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        print(method, ctx.get_start_method(), type(ctx).__name__)
        q = ctx.Queue()
        lock = ctx.Lock()
        counter = ctx.Value("i", 0)
        procs = [ctx.Process(target=report, args=(q, lock, counter)) for _ in range(2)]
        for p in procs:
            p.start()
        got = sorted(q.get(timeout=30) for _ in procs)
        for p in procs:
            p.join(30)
        print(got, counter.value, [p.exitcode for p in procs])
        r, w = ctx.Pipe(duplex=False)
        p = ctx.Process(target=unbox, args=(Box(21), w))
        p.start()
        box = r.recv()
        p.join(30)
        print(type(box).__name__, box.v, p.exitcode)
        with ctx.Pool(2) as pool:
            print(pool.map(square, range(6)))
    print(mp.get_start_method())
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError", e)
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method(), mp.get_context().get_start_method())
    try:
        mp.get_context("nope")
    except ValueError as e:
        print("ValueError", e)
    try:
        mp.get_context("fork").set_start_method("spawn")
    except ValueError as e:
        print("ValueError", e)
    r, w = mp.Pipe()
    p = mp.Process(target=unbox, args=(Box(5), w))
    p.start()
    print(r.recv().v)
    p.join(30)
    print(p.exitcode)
    try:
        mp.Process(target=lambda: 0).start()
    except Exception as e:
        print(type(e).__name__, "attribute lookup <lambda> on __main__ failed" in str(e))
    print(mp.active_children())
