# threads_calls.py N — a fixed number of calls of one recursive module-level function (fib(24) 48
# times: about 3.6 million calls) split evenly over N threads (default 1). Every thread counts
# references to the same function object: in minipy-ft its counting is deferred (runtime/flavor.h,
# kDefinedFunctionsDeferred), so threads that share it keep their references in their own ledgers
# and never write its count. Prints the thread count, a checksum and the wall time of the work.
from threadbench import time_threads, worker_count

ROUNDS = 48


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def work(rounds, out, k):
    total = 0
    for _ in range(rounds):
        total += fib(24)
    out[k] = total


n = worker_count()
out = [0] * n
elapsed = time_threads(work, lambda k: (ROUNDS // n + (1 if k < ROUNDS % n else 0), out, k), n)
print(f"threads={n} checksum={sum(out)} time={elapsed:.3f}s")
