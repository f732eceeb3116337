# An uncaught KeyboardInterrupt prints its traceback, then the process ends killed by SIGINT, as
# CPython's does (a shell reports 130); finally blocks run on the way out.
import os

try:
    print("interrupting")
    os.kill(os.getpid(), 2)
    while True:
        pass
finally:
    print("finally ran")
