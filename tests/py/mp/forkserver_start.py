# The 'forkserver' start method: one fork server, started on first use, forks every child (they
# all share a parent that is not this process); each child imports the main module itself (the
# server does not, in CPython 3.11); Queue, Lock, Value, Pipe and Pool work through it; exit
# codes, terminate() and kill() come back through the sentinel, which connection.wait() watches;
# a killed server is replaced.
import multiprocessing as mp
import os
import signal
import sys
import time
from multiprocessing.connection import wait

IMPORTED_BY = os.getpid()


def report(q, lock, counter, conn):
    with lock:
        counter.value += 1
    conn.send(mp.current_process().name)
    q.put((os.getppid(), IMPORTED_BY == os.getppid(), mp.parent_process().name))


def square(x):
    return x * x


def exit_with(code):
    sys.exit(code)


def sleep_long():
    time.sleep(30)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    q = ctx.Queue()
    lock = ctx.Lock()
    counter = ctx.Value("i", 0)
    receiver, sender = ctx.Pipe(duplex=False)
    ps = [ctx.Process(target=report, args=(q, lock, counter, sender)) for _ in range(3)]
    for p in ps:
        p.start()
    got = [q.get(timeout=30) for _ in ps]
    for p in ps:
        p.join(30)
    servers = {server for server, _, _ in got}
    print(len(servers), os.getpid() not in servers, [preloaded for _, preloaded, _ in got])
    print(sorted(receiver.recv() for _ in ps), counter.value, [p.exitcode for p in ps])
    print(sorted(parent for _, _, parent in got))

    with ctx.Pool(2) as pool:
        print(pool.map(square, range(6)), pool.apply(square, (7,)))

    exits = [ctx.Process(target=exit_with, args=(code,)) for code in (0, 3)]
    for p in exits:
        p.start()
    sentinels = {p.sentinel: p for p in exits}
    ended = set()
    while len(ended) < len(exits):
        for s in wait(list(set(sentinels) - ended), timeout=30):
            ended.add(s)
    for p in exits:
        p.join()
    print([p.exitcode for p in exits])

    sleepers = [ctx.Process(target=sleep_long) for _ in range(2)]
    for p in sleepers:
        p.start()
    sleepers[0].terminate()
    sleepers[1].kill()
    for p in sleepers:
        p.join(30)
    print([p.exitcode for p in sleepers], [p.is_alive() for p in sleepers])

    # The server dies: the next process starts a new one.
    os.kill(servers.pop(), signal.SIGKILL)
    time.sleep(0.2)
    p = ctx.Process(target=report, args=(q, lock, counter, sender))
    p.start()
    server, preloaded, _ = q.get(timeout=30)
    p.join(30)
    print(server not in servers and server != os.getpid(), preloaded, p.exitcode, counter.value)
    print(mp.active_children())
