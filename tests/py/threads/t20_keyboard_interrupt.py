# Ctrl-C (SIGINT, sent here by the script to itself) raises KeyboardInterrupt in the main thread:
# in running bytecode, in time.sleep, and while other threads run.
import os
import threading
import time

try:
    os.kill(os.getpid(), 2)
    for i in range(10000000):
        pass
    print("not interrupted")
except KeyboardInterrupt as e:
    print("loop:", repr(e), e.args)

try:
    os.kill(os.getpid(), 2)
    time.sleep(5)
    print("slept")
except KeyboardInterrupt:
    print("sleep interrupted")

stop = threading.Event()

def spin():
    n = 0
    while not stop.is_set():
        n += 1

t = threading.Thread(target=spin)
t.start()
try:
    os.kill(os.getpid(), 2)
    while True:
        time.sleep(0.01)
except KeyboardInterrupt:
    print("main thread interrupted, worker alive:", t.is_alive())
stop.set()
t.join()
print("done")
