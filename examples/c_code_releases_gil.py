# C code that releases the GIL: the same total work done by 1 thread, then split over 2 threads,
# once as hashing (sha256 over big buffers, in OpenSSL's C code) and once as pure-Python arithmetic.
# What to look for: under `minipy` (GIL) on a machine with 2+ cores, hashing on 2 threads takes
# about half the 1-thread time, because hashlib's update() lets go of the GIL for inputs of 2 KiB
# and more while OpenSSL works; the pure-Python loop gains nothing, because only the thread holding
# the GIL runs bytecode. zlib.compress/decompress and time.sleep release the GIL the same way.
# Under `minipy-ft` both halve. Pass a number to scale the work: `minipy c_code_releases_gil.py 2`.
import hashlib
import os
import sys
import threading
import time

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
BUFFER = bytes(range(256)) * 4096  # 1 MiB per update() call
HASH_ROUNDS = int(400 * SCALE)     # MiB hashed in total
PY_STEPS = int(8000000 * SCALE)    # loop steps in total


def hash_work(rounds):
    h = hashlib.sha256()
    for _ in range(rounds):
        h.update(BUFFER)  # OpenSSL hashes 1 MiB with the GIL released
    return h.hexdigest()


def python_work(steps):
    total = 0
    i = 0
    while i < steps:  # every step is bytecode: it needs the GIL
        total += i & 7
        i += 1
    return total


def timed(work, total, nthreads):
    share = total // nthreads
    threads = [threading.Thread(target=work, args=(share,)) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print("GIL enabled:", gil, "| CPU cores:", os.cpu_count())
for label, work, total in (("sha256 of big buffers", hash_work, HASH_ROUNDS),
                           ("pure-Python loop", python_work, PY_STEPS)):
    one = timed(work, total, 1)
    two = timed(work, total, 2)
    print(f"{label:22}: 1 thread {one:.2f} s, 2 threads {two:.2f} s, speed-up {one / two:.2f}x")
