# The lost-update race: four threads each do `counter += 1` 200,000 times on a shared global.
# `counter += 1` is three steps (load, add, store); another thread can store in between, and one of
# the two increments is lost.
# What to look for: under `minipy-ft` the unsynchronised total usually falls short of 800000 (the
# race is real); under `minipy` it is often exact, but only by luck of where the GIL switches — it is
# still a race. With a Lock around the increment the total is exactly 800000 in both flavors.
# Nothing ever crashes: a race in Python code gives wrong numbers, never a broken interpreter.
import threading

N = 200000
THREADS = 4
counter = 0
lock = threading.Lock()


def unsafe():
    global counter
    for _ in range(N):
        counter += 1


def safe():
    global counter
    for _ in range(N):
        with lock:
            counter += 1


def run(target):
    global counter
    counter = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


lost = run(unsafe)
print(f"without a lock: {lost} (expected {N * THREADS}, lost {N * THREADS - lost})")
print(f"with a lock   : {run(safe)}")
