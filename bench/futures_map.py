# futures_map.py — the issue-21 figures: 4 CPU-bound tasks (~0.15 s each on minipy) run serially,
# by ThreadPoolExecutor(2).map and by ProcessPoolExecutor(2).map, each the best of RUNS; then the
# start-up of one worker process (start() to its first answer) under fork, spawn and forkserver.
# Run it on each interpreter: minipy, minipy-ft, python3.
import multiprocessing as mp
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4
TASK_SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
RUNS = 3


def task(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def serial():
    return [task(TASK_SIZE) for _ in range(TASKS)]


def executor_map(executor_class):
    with executor_class(max_workers=2) as executor:
        return list(executor.map(task, [TASK_SIZE] * TASKS))


def best(f, *args):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        f(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def answer(conn):
    conn.send("up")


def start_up(method):
    # From start() until the child's first message arrives: what each start method costs.
    ctx = mp.get_context(method)
    r, w = ctx.Pipe(duplex=False)
    start = time.perf_counter()
    p = ctx.Process(target=answer, args=(w,))
    p.start()
    r.recv()
    elapsed = time.perf_counter() - start
    p.join()
    return elapsed


if __name__ == "__main__":
    t_serial = best(serial)
    t_threads = best(executor_map, ThreadPoolExecutor)
    t_procs = best(executor_map, ProcessPoolExecutor)
    print("serial %.3f s (%.3f s a task)" % (t_serial, t_serial / TASKS))
    print("ThreadPoolExecutor(2).map  %.3f s  %.2fx" % (t_threads, t_serial / t_threads))
    print("ProcessPoolExecutor(2).map %.3f s  %.2fx" % (t_procs, t_serial / t_procs))
    for method in ("fork", "spawn", "forkserver"):
        print("start-up %-10s %.1f ms" % (method, 1000 * min(start_up(method) for _ in range(5))))
