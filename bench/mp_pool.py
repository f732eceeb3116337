# mp_pool: the same CPU-bound job run by a serial loop and by Pool(2).map, printing both times and
# the speed-up. Each process has its own interpreter and GIL, so on 2 free cores the pool should be
# close to 2x faster in both minipy flavors (target >= 1.7x), as it is in CPython.
import time
from multiprocessing import Pool

N = 30000000
CHUNKS = 8


def work(bounds):
    start, end = bounds
    total = 0
    for i in range(start, end):
        total += i * i % 7
    return total


if __name__ == '__main__':
    step = N // CHUNKS
    chunks = [(i, i + step) for i in range(0, N, step)]
    t0 = time.perf_counter()
    serial = [work(c) for c in chunks]
    t1 = time.perf_counter()
    with Pool(2) as pool:
        parallel = pool.map(work, chunks)
    t2 = time.perf_counter()
    assert serial == parallel
    print("serial   %.3f s" % (t1 - t0))
    print("Pool(2)  %.3f s" % (t2 - t1))
    print("speed-up %.2fx" % ((t1 - t0) / (t2 - t1)))
