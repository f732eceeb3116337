# ProcessPoolExecutor under the spawn start method: the workers are fresh interpreters that import
# this file as __mp_main__; max_tasks_per_child replaces a worker after each task; the fork method
# refuses max_tasks_per_child, as in CPython.
import concurrent.futures as cf
import multiprocessing as mp
import os


def where(x):
    return (x, __name__, os.getpid())


if __name__ == "__main__":
    spawn = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(1, mp_context=spawn, max_tasks_per_child=1) as ex:
        first = ex.submit(where, 1).result(timeout=60)
        second = ex.submit(where, 2).result(timeout=60)
    print(first[:2], second[:2], first[2] != second[2], first[2] != os.getpid())
    try:
        cf.ProcessPoolExecutor(2, mp_context=mp.get_context("fork"), max_tasks_per_child=2)
    except ValueError as e:
        print("ValueError", e)
    try:
        cf.ProcessPoolExecutor(2, max_tasks_per_child=0)
    except ValueError as e:
        print("ValueError", e)
    print(mp.active_children())
