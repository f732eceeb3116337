# Pool beyond map: apply_async/starmap_async callbacks and error_callback, imap and
# imap_unordered with chunks, maxtasksperchild (workers replaced), Barrier between processes,
# Process.kill/terminate/close, connection.wait on pipes and sentinels, and the errors of a pool
# used after close() and joined while running.
import multiprocessing as mp
import multiprocessing.connection
import os
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise ValueError("no %d" % x)


def my_pid(x):
    time.sleep(0.01)
    return os.getpid()


def meet(barrier, q):
    index = barrier.wait(30)
    q.put(index)


def sleeper():
    time.sleep(30)


def send_later(conn, delay):
    time.sleep(delay)
    conn.send("done")


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        got, errors = [], []
        r = pool.apply_async(add, (2, 3), callback=got.append, error_callback=errors.append)
        r.wait(30)
        r2 = pool.apply_async(fail, (4,), callback=got.append, error_callback=errors.append)
        r2.wait(30)
        print(got, [repr(e) for e in errors], r2.successful())
        r3 = pool.starmap_async(add, [(1, 2), (3, 4)], callback=got.append)
        print(r3.get(30), got)
        r4 = pool.map_async(fail, [1], error_callback=errors.append)
        r4.wait(30)
        print(len(errors), r4.ready())
        print(list(pool.imap(square, range(10), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=4)))
        it = pool.imap(fail, [5])
        try:
            next(it)
        except ValueError as e:
            print("imap raised", e)
    pool = mp.Pool(2, maxtasksperchild=2)
    pids = pool.map(my_pid, range(12), chunksize=1)
    pool.close()
    pool.join()
    print(len(set(pids)) >= 4, mp.active_children())
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError", e)
    pool = mp.Pool(1)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError", e)
    pool.terminate()
    try:
        mp.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("ValueError", e)

    barrier = mp.Barrier(3)
    q = mp.Queue()
    procs = [mp.Process(target=meet, args=(barrier, q)) for _ in range(2)]
    for p in procs:
        p.start()
    mine = barrier.wait(30)
    print(sorted([mine] + [q.get(timeout=30) for _ in procs]), barrier.parties, barrier.n_waiting)
    for p in procs:
        p.join(30)

    p = mp.Process(target=sleeper)
    p.start()
    ready = mp.connection.wait([p.sentinel], timeout=0.05)
    print(ready, p.is_alive())
    p.kill()
    p.join(30)
    print(p.exitcode, p.is_alive())
    print(mp.connection.wait([p.sentinel], timeout=5) == [p.sentinel])
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError", e)
    p = mp.Process(target=sleeper)
    p.start()
    try:
        p.close()
    except ValueError as e:
        print("ValueError", e)
    p.terminate()
    p.join(30)
    print(p.exitcode)
    p.close()

    r1, w1 = mp.Pipe(duplex=False)
    r2, w2 = mp.Pipe(duplex=False)
    p = mp.Process(target=send_later, args=(w2, 0.1))
    p.start()
    print(mp.connection.wait([r1, r2], timeout=0.01))
    ready = mp.connection.wait([r1, r2], timeout=30)
    print(ready == [r2], r2.recv())
    p.join(30)
    w1.send(1)
    print(len(mp.connection.wait([r1, r2, p.sentinel], timeout=5)))
    print(mp.active_children())
