# Daemon threads do not keep the interpreter alive; non-daemon threads are waited for at exit.
import threading
import time

def forever():
    while True:
        time.sleep(0.01)

d = threading.Thread(target=forever, daemon=True)
d.start()
print(d.daemon, d.is_alive())

# The non-daemon thread finishes only after the main thread's last line (an event, not a sleep:
# a slow machine, or ASan, once let it print before the other threads' lines).
main_done = threading.Event()

def late():
    main_done.wait()
    print("non-daemon thread finished before exit")

n = threading.Thread(target=late)
print(n.daemon)
n.start()

def child():
    print("inherits daemon:", threading.current_thread().daemon)

def parent():
    c = threading.Thread(target=child)
    c.start()
    c.join()

p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
print("main done")
main_done.set()
