# Event and Condition across processes: children block on an Event until the parent sets it, and
# on a Condition until a shared value satisfies their predicate; notify() wakes the right number.
from queue import Empty
from multiprocessing import Process, Event, Condition, Queue, Value, Lock, Semaphore


def wait_for_event(ev, out, name):
    out.put((name, 'waiting', ev.is_set()))
    out.put((name, 'woke', ev.wait(10), ev.is_set()))


def wait_for_stage(cond, stage, wanted, out, ready):
    with cond:
        ready.release()
        ok = cond.wait_for(lambda: stage.value >= wanted, timeout=10)
        out.put((wanted, ok, stage.value >= wanted))


def sleeper(cond, ready, out):
    with cond:
        ready.release()
        out.put(cond.wait(10))


if __name__ == '__main__':
    ev = Event()
    print(ev.is_set(), ev.wait(0.01), ev.wait(timeout=0))
    out = Queue()
    kids = [Process(target=wait_for_event, args=(ev, out, n)) for n in ('a', 'b', 'c')]
    for k in kids:
        k.start()
    waiting = sorted(out.get() for _ in kids)
    ev.set()
    woke = sorted(out.get() for _ in kids)
    for k in kids:
        k.join()
    print(waiting)
    print(woke)
    print(ev.is_set(), ev.wait(0))
    ev.clear()
    print(ev.is_set(), ev.wait(0.01))

    cond = Condition()
    stage = Value('i', 0)
    ready = Semaphore(0)
    kids = [Process(target=wait_for_stage, args=(cond, stage, w, out, ready)) for w in (1, 2)]
    for k in kids:
        k.start()
    for k in kids:
        ready.acquire()
    for value in (1, 2):
        with cond:
            stage.value = value
            cond.notify_all()
        print(out.get(timeout=10))
    for k in kids:
        k.join()

    # notify(1) wakes exactly one of three sleepers, notify_all() the other two.
    cond = Condition(Lock())
    kids = [Process(target=sleeper, args=(cond, ready, out)) for _ in range(3)]
    for k in kids:
        k.start()
    for k in kids:
        ready.acquire()
    with cond:
        print(cond)
        cond.notify()
    print(out.get(timeout=10))
    try:
        out.get(timeout=0.2)
    except Empty:
        print('only one woke')
    with cond:
        cond.notify_all()
    print(out.get(timeout=10), out.get(timeout=10), out.empty())
    for k in kids:
        k.join()
    print([k.exitcode for k in kids])
    # A waiter that timed out is settled by the next notify(), which then wakes nobody.
    with cond:
        print(cond.wait(0.01), cond)
        cond.notify()
        print(cond)
    try:
        cond.wait(0)
    except AssertionError as e:
        print('AssertionError', e)
    try:
        cond.notify()
    except AssertionError as e:
        print('AssertionError', e)
