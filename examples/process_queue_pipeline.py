# A two-stage pipeline between processes: a producer Process puts numbers on a Queue, a consumer
# Process takes them off, tests each for primality and puts the primes on a second Queue. A None
# (the sentinel) tells each stage that nothing more is coming.
# What to look for: every prime below the limit arrives exactly once and in order, and both stages
# exit with code 0, the same in minipy, minipy-ft and CPython (a Queue keeps its items in order).
from multiprocessing import Process, Queue

SENTINEL = None


def produce(numbers, limit):
    for n in range(2, limit):
        numbers.put(n)
    numbers.put(SENTINEL)


def is_prime(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def consume(numbers, primes):
    while True:
        n = numbers.get()
        if n is SENTINEL:
            primes.put(SENTINEL)
            return
        if is_prime(n):
            primes.put(n)


def primes_below(limit):
    numbers, primes = Queue(), Queue()
    stages = [Process(target=produce, args=(numbers, limit)),
              Process(target=consume, args=(numbers, primes))]
    for p in stages:
        p.start()
    found = []
    while True:
        n = primes.get()
        if n is SENTINEL:
            break
        found.append(n)
    for p in stages:
        p.join()
    return found, [p.exitcode for p in stages]


def main():
    found, exitcodes = primes_below(2000)
    print(len(found), "primes below 2000; the last five:", found[-5:])
    print("exit codes:", exitcodes)


if __name__ == "__main__":
    main()
