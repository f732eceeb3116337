# mp_manager.py — the figures for Manager and the start methods: the round trip of one
# Manager().dict() set and get (each a request to the server process over its unix socket), and
# the start-up of one worker (start() to its first message) under fork, spawn and forkserver
# (forkserver's first start, which starts the server, is shown apart).
# Run it on each interpreter: minipy, minipy-ft, python3.
import multiprocessing as mp
import time

ROUND_TRIPS = 2000
STARTS = 10


def answer(conn):
    conn.send("up")


def start_up(ctx):
    r, w = ctx.Pipe(duplex=False)
    start = time.perf_counter()
    p = ctx.Process(target=answer, args=(w,))
    p.start()
    r.recv()
    elapsed = time.perf_counter() - start
    p.join()
    return elapsed


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


if __name__ == "__main__":
    with mp.Manager() as manager:
        d = manager.dict()
        d["warm"] = 0
        start = time.perf_counter()
        for i in range(ROUND_TRIPS):
            d["k"] = i
            d["k"]
        elapsed = time.perf_counter() - start
        print("Manager dict set+get  %.1f us a pair" % (elapsed / ROUND_TRIPS * 1e6))
    first = start_up(mp.get_context("forkserver"))
    print("start-up forkserver, first (starts the server) %.1f ms" % (first * 1000))
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        print("start-up %-10s median %.1f ms" % (method, 1000 * median(start_up(ctx) for _ in range(STARTS))))
