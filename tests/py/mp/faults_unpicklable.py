# A result that cannot be pickled back from a worker: the executor's future gets pickle's TypeError,
# the Pool raises MaybeEncodingError (CPython's texts), and both stay usable; no child is left.
import concurrent.futures as cf
import multiprocessing as mp
import re


def make_generator(x):
    return (i for i in range(x))


def without_address(text):
    return re.sub(r" at 0x[0-9a-f]+", "", text)


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(1) as ex:
        e = ex.submit(make_generator, 3).exception(timeout=60)
        print(type(e).__name__, e)
        print(ex.submit(abs, -3).result(timeout=60))
    with mp.Pool(1) as pool:
        try:
            pool.apply(make_generator, (3,))
        except Exception as e:
            print(type(e).__name__, without_address(str(e)))
        print(pool.apply(abs, (-4,)))
        try:
            pool.map(abs, [make_generator(1)])
        except Exception as e:
            print(type(e).__name__, e)
    print(mp.active_children())
