# signal.setitimer/getitimer and ItimerError, as CPython's: the old (delay, interval) comes back,
# a timer fires its handler, a bad `which` or a negative delay is ItimerError (an OSError).
import signal
import time

print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.ItimerError, signal.ItimerError.__mro__[1:])
print(signal.setitimer(signal.ITIMER_REAL, 0))
print(signal.getitimer(signal.ITIMER_REAL))

signal.setitimer(signal.ITIMER_REAL, 30, 2.5)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(29 < delay <= 30, interval)
delay, interval = signal.setitimer(signal.ITIMER_REAL, 0)
print(29 < delay <= 30, interval, signal.getitimer(signal.ITIMER_REAL))

fired = []
signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signal.Signals(signum).name))
signal.setitimer(signal.ITIMER_REAL, 0.05)
deadline = time.monotonic() + 10
while not fired and time.monotonic() < deadline:
    time.sleep(0.01)
print("fired:", fired)

for args in [(99, 1), (signal.ITIMER_REAL, -1), (signal.ITIMER_REAL, "1"), (signal.ITIMER_REAL,)]:
    try:
        signal.setitimer(*args)
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError))
try:
    signal.getitimer(42)
except signal.ItimerError as e:
    print("getitimer:", e.errno, e.strerror)
