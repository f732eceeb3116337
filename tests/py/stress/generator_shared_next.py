# Threads call next() on the same generators at once. Only one thread may run a generator's frame
# at a time (in minipy-ft the frame runs in place, in the generator's own storage): the others get
# "generator already executing", as in CPython, and every value comes out exactly once.
import threading

ROUNDS = 50
PER_GENERATOR = 2000
THREADS = 3


def numbers(n):
    for i in range(n):
        # A little work inside the frame, so that a second thread arrives while it runs.
        total = 0
        for j in range(5):
            total += j
        yield i


def drain(gen, seen, errors, start):
    start.wait()
    while True:
        try:
            value = next(gen)
        except StopIteration:
            return
        except ValueError as e:
            errors.add(str(e))
            continue
        seen.append(value)


wrong_rounds = 0
messages = set()
for _ in range(ROUNDS):
    gen = numbers(PER_GENERATOR)
    seen = []
    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=drain, args=(gen, seen, messages, start)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if sorted(seen) != list(range(PER_GENERATOR)):
        wrong_rounds += 1

print("rounds with values lost or repeated:", wrong_rounds)
print("errors other than 'already executing':", sorted(m for m in messages if m != "generator already executing"))
