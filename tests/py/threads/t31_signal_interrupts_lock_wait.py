# A signal whose Python handler raises ends a lock or Event wait on the main thread (CPython's
# test_threadsignals); a handler that returns lets the wait go on to its timeout.
import signal, _thread, time, threading
def handler(sig, frame):
    raise KeyboardInterrupt
old = signal.signal(signal.SIGALRM, handler)
lock = _thread.allocate_lock(); lock.acquire()
signal.setitimer(signal.ITIMER_REAL, 0.2)
t0 = time.monotonic()
try:
    lock.acquire(timeout=5)
except KeyboardInterrupt:
    print("interrupted", time.monotonic() - t0 < 2)
calls = []
signal.signal(signal.SIGALRM, lambda s, f: calls.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.1)
t0 = time.monotonic()
print(lock.acquire(timeout=0.5), calls == [signal.SIGALRM], 0.45 < time.monotonic() - t0 < 2)
ev = threading.Event()
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    ev.wait(5)
except KeyboardInterrupt:
    print("event wait interrupted")
signal.signal(signal.SIGALRM, old)
