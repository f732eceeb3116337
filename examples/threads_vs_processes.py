# The same CPU-bound job done five ways: serially, by 2 threads and by a Pool of 2 processes, then
# the same two with concurrent.futures (ThreadPoolExecutor(2), ProcessPoolExecutor(2)), the way
# most programs write it. What to look for, on a machine with 2 free cores:
#   minipy (GIL)     threads ~1x (one thread runs bytecode at a time), processes ~2x
#   minipy-ft        threads ~2x (no GIL), processes ~2x
#   CPython 3.11     like minipy: threads ~1x, processes ~2x
# Processes pay for starting workers and for sending arguments and results between them (pickled),
# so they win on long jobs with small inputs and outputs, like this one.
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool

JOBS = 4
JOB_SIZE = 3000000


def job(bounds):
    start, end = bounds
    total = 0
    for i in range(start, end):
        total += i * i % 7
    return total


def chunks(jobs, size):
    return [(k * size, (k + 1) * size) for k in range(jobs)]


def serial(work):
    return [job(b) for b in work]


def with_threads(work, nthreads):
    # Thread k does every nthreads-th chunk and stores its answers in its own slots.
    results = [None] * len(work)

    def run(k):
        for i in range(k, len(work), nthreads):
            results[i] = job(work[i])

    threads = [threading.Thread(target=run, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def with_processes(work, nprocesses):
    with Pool(nprocesses) as pool:
        return pool.map(job, work, chunksize=1)


def with_executor(executor_class, work, nworkers):
    with executor_class(max_workers=nworkers) as executor:
        return list(executor.map(job, work))


def timed(f, *args):
    start = time.perf_counter()
    result = f(*args)
    return result, time.perf_counter() - start


def main():
    work = chunks(JOBS, JOB_SIZE)
    expected, t_serial = timed(serial, work)
    threaded, t_threads = timed(with_threads, work, 2)
    pooled, t_pool = timed(with_processes, work, 2)
    thread_pool, t_thread_pool = timed(with_executor, ThreadPoolExecutor, work, 2)
    process_pool, t_process_pool = timed(with_executor, ProcessPoolExecutor, work, 2)
    assert threaded == expected and pooled == expected
    assert thread_pool == expected and process_pool == expected
    times = [t_serial, t_threads, t_pool, t_thread_pool, t_process_pool]
    names = ["serial", "2 threads", "Pool(2)", "ThreadPoolEx", "ProcessPoolEx"]
    print("".join(f"{name:<15}" for name in names))
    print("".join(f"{t:<15.2f}" for t in times) + "seconds")
    print("".join(f"{t_serial / t:<15.2f}" for t in times) + "speed-up")


if __name__ == "__main__":
    main()
