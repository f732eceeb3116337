# Queue.qsize(), full() and empty() counted across processes, and JoinableQueue.join() waiting for
# task_done() calls made by other processes.
from queue import Empty, Full
from multiprocessing import Process, Queue, JoinableQueue, Event, Value


def produce(q, n, done):
    for i in range(n):
        q.put(i)
    done.set()


def take(q, n, done):
    for _ in range(n):
        q.get()
    done.set()


def work(q, finished):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with finished.get_lock():
            finished.value += item
        q.task_done()


if __name__ == '__main__':
    q = Queue()
    print(q.qsize(), q.empty(), q.full())
    done = Event()
    p = Process(target=produce, args=(q, 6, done))
    p.start()
    done.wait()
    print(q.qsize(), q.empty(), q.full())
    print(q.get(), q.get(), q.qsize())
    done.clear()
    p2 = Process(target=take, args=(q, 3, done))
    p2.start()
    done.wait()
    print(q.qsize(), q.get(), q.qsize(), q.empty())
    p.join()
    p2.join()

    bounded = Queue(2)
    bounded.put('a')
    bounded.put('b')
    print(bounded.qsize(), bounded.full())
    try:
        bounded.put_nowait('c')
    except Full:
        print('Full')
    try:
        bounded.put('c', timeout=0.01)
    except Full:
        print('Full after timeout')
    print(bounded.get(), bounded.qsize(), bounded.full())
    bounded.put('c')
    print(bounded.get(), bounded.get(), bounded.qsize())
    try:
        bounded.get(timeout=0.01)
    except Empty:
        print('Empty')

    jq = JoinableQueue()
    finished = Value('i', 0)
    workers = [Process(target=work, args=(jq, finished)) for _ in range(3)]
    for w in workers:
        w.start()
    for i in range(1, 21):
        jq.put(i)
    jq.join()
    print('joined', finished.value)
    for w in workers:
        jq.put(None)
    jq.join()
    for w in workers:
        w.join()
    print(jq.qsize(), [w.exitcode for w in workers])
    try:
        jq.task_done()
    except ValueError as e:
        print(e)
