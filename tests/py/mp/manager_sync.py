# A Manager's synchronization objects shared with Process children: Event, Barrier, Condition,
# Semaphore, RLock, and Array; each child waits at the barrier, then for the event, and reports
# through a managed Queue.
import multiprocessing as mp


def child(index, barrier, event, queue, cond, items, array):
    barrier.wait()
    event.wait()
    with cond:
        items.append(index)
        cond.notify()
    array[index] = index + 10
    queue.put(index)


if __name__ == "__main__":
    with mp.Manager() as m:
        barrier = m.Barrier(3)
        event = m.Event()
        queue = m.Queue()
        cond = m.Condition()
        items = m.list()
        array = m.Array("i", [0, 0])
        print(barrier.parties, barrier.n_waiting, barrier.broken, event.is_set())
        ps = [mp.Process(target=child, args=(i, barrier, event, queue, cond, items, array))
              for i in range(2)]
        for p in ps:
            p.start()
        barrier.wait(timeout=30)
        event.set()
        with cond:
            print(cond.wait_for(lambda: len(items) == 2, timeout=30))
        print(sorted(queue.get(timeout=30) for _ in ps))
        for p in ps:
            p.join()
        print(sorted(items), list(array), len(array), [p.exitcode for p in ps])

        sem = m.Semaphore(2)
        print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.05))
        sem.release()
        rlock = m.RLock()
        with rlock:
            with rlock:
                print("rlock held twice")
        event.clear()
        print(event.is_set(), event.wait(0.05))
        barrier.abort()
        print(barrier.broken)
    print(mp.active_children())
