# Pool.map: the multiprocessing tutorial's first example (squaring numbers in a Pool of worker
# processes), then a CPU-bound function mapped over 1 and then 2 worker processes.
# What to look for: the squares come back in input order. Each worker is a separate process with
# its own interpreter (and its own GIL), so on 2 free cores the 2-process run takes about half the
# time of the 1-process run in minipy, minipy-ft and CPython alike; only the absolute times differ.
import time
from multiprocessing import Pool


def square(x):
    return x * x


def collatz_steps(n):
    # How many 3n+1 steps n takes to reach 1: pure integer work, no shared state.
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def squares(numbers, processes=2):
    with Pool(processes) as pool:
        return pool.map(square, numbers)


def longest_collatz(limit, processes):
    # The start below `limit` with the most steps, and that many steps.
    with Pool(processes) as pool:
        steps = pool.map(collatz_steps, range(1, limit), chunksize=2000)
    best = max(range(len(steps)), key=lambda i: steps[i])
    return best + 1, steps[best]


def main():
    print(squares(range(10)))
    for processes in (1, 2):
        start = time.perf_counter()
        n, steps = longest_collatz(200000, processes)
        elapsed = time.perf_counter() - start
        print(f"{processes} process(es): {n} takes {steps} steps  ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()
