# Threads resume one generator while another thread closes it or throws into it. Whoever claims
# the generator first runs it; the others get "generator already executing" and try again. Once
# it is closed, every thread sees it finished: next() raises StopIteration, close() does nothing.
# The finally block runs exactly once, and no value comes out twice.
import threading

ROUNDS = 40
READERS = 2


class Stop(Exception):
    pass


def numbers(log):
    try:
        i = 0
        while True:
            total = 0
            for j in range(5):
                total += j
            yield i
            i += 1
    except Stop:
        log.append("stopped")
        yield -1
    finally:
        log.append("finally")


def read(gen, seen, errors, start, stop_reading):
    start.wait()
    while not stop_reading.is_set():
        try:
            seen.append(next(gen))
        except StopIteration:
            return
        except ValueError as e:
            errors.add(str(e))


def retry(action, errors):
    while True:
        try:
            return action()
        except ValueError as e:
            errors.add(str(e))


problems = 0
messages = set()
for round_number in range(ROUNDS):
    log = []
    gen = numbers(log)
    seen = []
    start = threading.Barrier(READERS + 1)
    stop_reading = threading.Event()
    readers = [threading.Thread(target=read, args=(gen, seen, messages, start, stop_reading))
               for _ in range(READERS)]
    for t in readers:
        t.start()
    start.wait()
    while len(seen) < 200:
        pass
    if round_number % 2:
        # throw() in: the generator catches Stop and yields -1; then it is closed.
        thrown = retry(lambda: gen.throw(Stop), messages)
        if thrown != -1:
            problems += 1
    retry(gen.close, messages)
    stop_reading.set()
    for t in readers:
        t.join()
    values = [v for v in seen if v >= 0]
    if len(values) != len(set(values)) or sorted(values) != list(range(len(values))):
        problems += 1
    expected_log = ["stopped", "finally"] if round_number % 2 else ["finally"]
    if log != expected_log:
        problems += 1
    try:
        next(gen)
        problems += 1
    except StopIteration:
        pass
    gen.close()

print("rounds with a wrong value, log or end:", problems)
print("errors other than 'already executing':", sorted(m for m in messages if m != "generator already executing"))
