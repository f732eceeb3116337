# Pool callbacks: apply_async/map_async/starmap_async call `callback` with the result, or
# `error_callback` with the exception, even when nobody waits for the result (CPython runs them
# from its result-handler thread); imap and imap_unordered (next with a timeout, the results
# before a failing item still delivered, CPython's rules for going on after it); maxtasksperchild
# replacing workers.
import multiprocessing as mp
import os
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on_three(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x


def slow_pid(x):
    time.sleep(0.01)
    return os.getpid()


def wait_for(items, count):
    deadline = time.monotonic() + 30
    while len(items) < count and time.monotonic() < deadline:
        time.sleep(0.01)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        # Nobody calls get(): the callbacks still run.
        out = []
        for i in range(4):
            pool.apply_async(square, (i,), callback=out.append)
        wait_for(out, 4)
        print(sorted(out))

        events = []
        r = pool.apply_async(fail_on_three, (3,), callback=events.append,
                             error_callback=lambda e: events.append(repr(e)))
        try:
            r.get(timeout=30)
        except ValueError as e:
            print("ValueError", e, r.successful())
        r = pool.starmap_async(add, [(1, 2), (3, 4)], callback=events.append)
        print(r.get(timeout=30))
        r = pool.map_async(fail_on_three, range(5), error_callback=lambda e: events.append(("error", str(e))))
        r.wait(30)
        print(r.ready(), r.successful())
        wait_for(events, 3)
        print(events)

        print(list(pool.imap(square, range(5))), sorted(pool.imap_unordered(square, range(7), chunksize=2)))
        collected = []
        try:
            for x in pool.imap(fail_on_three, range(6)):
                collected.append(x)
        except ValueError as e:
            print("imap stopped:", e, collected)
        for chunksize in (1, 2):
            # Chunks of one: the iteration goes on after the failing item; bigger: it ends there.
            got = []
            it = pool.imap(fail_on_three, range(6), chunksize=chunksize)
            while True:
                try:
                    got.append(next(it))
                except StopIteration:
                    break
                except ValueError as e:
                    got.append("raised %s" % e)
            print(chunksize, got)
        try:
            pool.imap(square, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError", e)
        it = pool.imap(square, range(3))
        print(it.next(timeout=30), next(it), it.next())
        try:
            it.next()
        except StopIteration:
            print("StopIteration")
        it = pool.imap(time.sleep, [1])
        try:
            it.next(timeout=0.01)
        except mp.TimeoutError:
            print("TimeoutError")
        pool.close()
        pool.join()

    with mp.Pool(2, maxtasksperchild=1) as pool:
        pids = pool.map(slow_pid, range(6), chunksize=1)
        print(len(pids), len(set(pids)))
        pool.close()
        pool.join()
    print(mp.active_children())
