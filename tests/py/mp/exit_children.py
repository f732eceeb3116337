# What happens to children when the main process ends: daemonic ones are terminated, the others
# joined (so this script's output includes the non-daemon child's last line), and finished
# children are reaped by active_children().
import os
import time
from multiprocessing import Process, RawValue, Event, active_children


def beat(heart):
    # Ticks until it is terminated.
    while True:
        heart.value += 1
        time.sleep(0.01)


def watch(heart, parent_done):
    # Waits for the parent to finish its script, then for the daemon's heart to stop.
    parent_done.wait(10)
    deadline = time.monotonic() + 10
    last = heart.value
    while time.monotonic() < deadline:
        time.sleep(0.3)
        if heart.value == last:
            print('daemon stopped', flush=True)
            return
        last = heart.value
    print('daemon still running', flush=True)


def quick():
    pass


if __name__ == '__main__':
    p = Process(target=quick)
    p.start()
    # active_children() drops the child once it has ended, reaping it: it is no zombie.
    while active_children():
        time.sleep(0.01)
    try:
        os.waitpid(p.pid, os.WNOHANG)
    except OSError as e:
        print('reaped', e.errno, p.exitcode)

    heart = RawValue('i', 0)
    parent_done = Event()
    daemon = Process(target=beat, args=(heart,), daemon=True)
    daemon.start()
    watcher = Process(target=watch, args=(heart, parent_done))
    watcher.start()
    while heart.value == 0:
        time.sleep(0.01)
    print(sorted(c.name for c in active_children()), daemon.daemon, watcher.daemon, flush=True)
    parent_done.set()
    print('main done', flush=True)
