# The multiprocessing examples in examples/, run on small inputs with their timings left out: each
# gives CPython's answers in both flavors.
import sys

sys.path.insert(0, '../../../examples')
import pool_map
import process_queue_pipeline
import threads_vs_processes

if __name__ == '__main__':
    print(pool_map.squares(range(10)))
    print(pool_map.longest_collatz(3000, 1), pool_map.longest_collatz(3000, 2))
    found, exitcodes = process_queue_pipeline.primes_below(200)
    print(len(found), found[:5], found[-3:], exitcodes)
    work = threads_vs_processes.chunks(4, 2000)
    expected = threads_vs_processes.serial(work)
    print(expected)
    print(threads_vs_processes.with_threads(work, 2) == expected,
          threads_vs_processes.with_processes(work, 2) == expected)
