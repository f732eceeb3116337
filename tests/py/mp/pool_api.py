# Pool: map, starmap, apply, apply_async, map_async with a callback, imap, imap_unordered, and the
# failure paths: an exception in a worker re-raised in the parent, an unserializable argument.
from multiprocessing import Pool
import multiprocessing


def square(x):
    return x * x


def add(a, b=0):
    return a + b


def check(x):
    if x == 3:
        raise ValueError('bad value %d' % x)
    return x


if __name__ == '__main__':
    with Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(7), chunksize=3))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(pool.apply(add, (1,), {'b': 10}))
        r = pool.apply_async(add, (5, 6))
        print(r.get(timeout=5), r.ready(), r.successful())
        got = []
        r = pool.map_async(square, [1, 2, 3], callback=got.append)
        r.wait()
        print(got, r.get())
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.map(square, []))
        try:
            pool.map(check, range(5))
        except ValueError as e:
            print('ValueError:', e)
        r = pool.apply_async(check, (3,))
        r.wait()
        print(r.ready(), r.successful())
        try:
            pool.map(lambda x: x, [1, 2])
        except Exception as e:
            print(type(e).__name__)
        print(pool.apply(square, (12,)))
    pool = Pool(2)
    print(pool.map(square, [7, 8]))
    pool.close()
    pool.join()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print('ValueError:', e)
    print(multiprocessing.active_children())
