# Exit codes: normal end, sys.exit(n), join with a timeout on a process still running, and the
# negative signal number of a terminated or killed process.
import sys
import time
from multiprocessing import Process, Event


def quits(code):
    sys.exit(code)


def sleeps(started):
    started.set()
    time.sleep(10)


if __name__ == '__main__':
    p = Process(target=quits, args=(3,))
    p.start()
    p.join()
    print(p.exitcode)
    p = Process(target=quits, args=(None,))
    p.start()
    p.join()
    print(p.exitcode)
    started = Event()
    p = Process(target=sleeps, args=(started,), name='sleeper')
    print(p.exitcode, p.name)
    p.start()
    print(started.wait(5))
    p.join(0.1)
    print(p.exitcode, p.is_alive())
    p.terminate()
    p.join()
    print(p.exitcode, p.is_alive())
    p = Process(target=sleeps, args=(Event(),))
    p.start()
    p.kill()
    p.join()
    print(p.exitcode)
