# Loops that run in native code and never execute bytecode (any() over an endless iterator, a set
# display unpacking one, bytes.join, a deque that drops everything, islice skipping) still serve
# the eval breaker: iter_next and itertools' loops check it, so Ctrl-C (SIGINT from a timer
# thread), a Python signal handler and the timer thread's turn at the GIL all get in. CPython 3.11
# hangs in each of these (its C loops never check for signals), so this expected output is
# minipy's own, not CPython's: the point is that nothing a script does may hang the interpreter
# beyond Ctrl-C.
import collections
import itertools
import os
import signal
import threading


def interrupt_soon():
    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()


endless = [
    ("any(iter(int, 1))", lambda: any(iter(int, 1))),
    ("sum(itertools.repeat(0))", lambda: sum(itertools.repeat(0))),
    ("{*iter(int, 1)}", lambda: {*iter(int, 1)}),
    ('b"".join(iter(bytes, 1))', lambda: b"".join(iter(bytes, 1))),
    ("deque(count(), maxlen=0)", lambda: collections.deque(itertools.count(), maxlen=0)),
    ("max(zip(repeat(1), repeat(2)))", lambda: max(zip(itertools.repeat(1), itertools.repeat(2)))),
    # itertools' own loops, which pull any number of items for one of theirs.
    ("next(islice(repeat(1), 10**18, None))", lambda: next(itertools.islice(itertools.repeat(1), 10**18, None))),
    ("next(dropwhile(bool, repeat(1)))", lambda: next(itertools.dropwhile(bool, itertools.repeat(1)))),
    ("next(chain.from_iterable(repeat(())))", lambda: next(itertools.chain.from_iterable(itertools.repeat(())))),
]
for text, run in endless:
    interrupt_soon()
    try:
        run()
    except KeyboardInterrupt:
        print(text, "interrupted")


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm(signal.Signals(signum).name)


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.2)
counter = itertools.count()
try:
    all(counter)  # stops at once: 0 is false
    collections.deque(counter, maxlen=0)
except Alarm as e:
    print("handler ran inside the native loop:", e, next(counter) > 1000)
