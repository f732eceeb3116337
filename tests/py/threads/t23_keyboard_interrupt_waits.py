# Ctrl-C (SIGINT, sent by a helper thread after a moment) ends a blocking wait of the main thread
# with KeyboardInterrupt, as in CPython: Lock.acquire(), Event.wait(), Thread.join(), Queue.get().
import os
import queue
import threading
import time


def interrupt_soon():
    time.sleep(0.2)
    os.kill(os.getpid(), 2)


def interrupted(what, wait):
    threading.Thread(target=interrupt_soon, daemon=True).start()
    try:
        wait()
        print(what, "returned")
    except KeyboardInterrupt:
        print(what, "interrupted")


lock = threading.Lock()
lock.acquire()
interrupted("acquire", lock.acquire)
interrupted("with", lambda: lock.__enter__())
interrupted("event", threading.Event().wait)
sleeper = threading.Thread(target=time.sleep, args=(3,), daemon=True)
sleeper.start()
interrupted("join", sleeper.join)
interrupted("queue", queue.Queue().get)
# Without a Ctrl-C, timeouts still end the waits as before.
print(lock.acquire(timeout=0.05), lock.locked())
print(threading.Event().wait(0.05))
