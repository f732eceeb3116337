# Every loop serves the eval breaker, including those closed by a conditional jump (a
# comprehension's `if`, `while` conditions): Ctrl-C (here SIGINT sent by a timer thread) stops it,
# the KeyboardInterrupt is caught by the `try` around the loop, and the timer thread gets its turn
# at the GIL in the first place.
import itertools
import os
import signal
import threading


def interrupt_soon():
    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()


interrupt_soon()
try:
    while True:
        pass
except KeyboardInterrupt:
    print("while True: interrupted, caught by its try")

interrupt_soon()
try:
    never = [x for x in itertools.count() if x < 0]
except KeyboardInterrupt:
    print("comprehension with if: interrupted")

interrupt_soon()
try:
    n = 0
    while n >= 0 or n < 0:
        n += 1
except KeyboardInterrupt:
    print("while with a condition: interrupted")

interrupt_soon()
try:
    total = sum(1 for x in itertools.count() if x % 2 == 0 and x < 0)
except KeyboardInterrupt:
    print("generator expression with and: interrupted")
