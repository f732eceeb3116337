# The native _signal under CPython's signal.py: Python handlers run by the main thread (after os.kill
# and raise_signal), SIG_IGN, default_int_handler, a handler's exception, the errors; unittest imports.
import signal, os, unittest
def handler(signum, frame):
    print("got", signal.Signals(signum).name, frame is not None)
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000): pass
signal.raise_signal(signal.SIGUSR1)
print(signal.SIGTERM, repr(signal.SIGTERM), signal.strsignal(signal.SIGTERM), signal.SIG_IGN)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), len(signal.valid_signals()) > 30)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
def boom(s, f): raise RuntimeError("from handler")
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("RuntimeError:", e)
try: signal.signal(signal.SIGUSR1, 5)
except TypeError as e: print(e)
try: signal.getsignal(0)
except ValueError as e: print(e)
