# multiprocessing.dummy: the multiprocessing API on threads. Its Pool is multiprocessing.pool's
# ThreadPool: map, apply_async with callbacks, imap, starmap, unpicklable functions (lambdas,
# closures: nothing is pickled), exceptions raised as they are, close/join and terminate.
import threading
from multiprocessing.dummy import Pool, Process, Queue, current_process
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad %d" % x)


with Pool(4) as pool:
    print(pool.map(square, range(10)))
    print(pool.map(lambda x: x + 1, [1, 2, 3], chunksize=2))
    r = pool.apply_async(square, (7,))
    print(r.get(timeout=10), r.ready(), r.successful())
    print(pool.apply(pow, (2, 10)), pool.apply(dict, (), {"a": 1}))
    got, errors, done = [], [], threading.Event()
    pool.apply_async(square, (5,), callback=got.append).wait(10)
    pool.apply_async(fail, (3,), error_callback=lambda e: (errors.append(e), done.set())).wait(10)
    done.wait(10)
    print(got, [repr(e) for e in errors])
    print(list(pool.imap(square, range(6))), sorted(pool.imap_unordered(square, range(6))))
    print(pool.starmap(divmod, [(7, 2), (9, 4)]))
    m = pool.map_async(square, [3, 4], callback=got.append)
    print(m.get(10), got)
    try:
        pool.map(fail, [1, 2], chunksize=2)
    except ValueError as e:
        print("ValueError:", e, e.__cause__)
    it = pool.imap(lambda x: 1 // x, [1, 0, 2])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(next(it))
    print(repr(pool).split(" pool_size")[0])
    print(isinstance(pool, ThreadPool), pool.map(square, []))

seen = []
pool = Pool(2, initializer=lambda: seen.append(threading.current_thread() is not threading.main_thread()))
total = sum(pool.map(square, range(100)))
pool.close()
pool.join()
print(total, seen, repr(pool).split(" pool_size")[0])
try:
    pool.apply(square, (1,))
except ValueError as e:
    print("ValueError:", e)
try:
    Pool(0)
except ValueError as e:
    print("ValueError:", e)

q = Queue()
p = Process(target=lambda: q.put(current_process().name != "MainProcess"))
p.start()
p.join()
print(q.get(), p.exitcode, current_process().name)
