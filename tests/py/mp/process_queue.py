# Process + Queue pipeline: a producer, a squarer and the main process as consumer.
from multiprocessing import Process, Queue, current_process


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


def square(qin, qout):
    while True:
        item = qin.get()
        if item is None:
            qout.put(None)
            return
        qout.put((item, item * item, current_process().name))


if __name__ == '__main__':
    q1, q2 = Queue(), Queue()
    procs = [Process(target=produce, args=(q1, 5)), Process(target=square, args=(q1, q2))]
    for p in procs:
        p.start()
    results = []
    while True:
        item = q2.get(timeout=5)
        if item is None:
            break
        results.append(item)
    for p in procs:
        p.join()
    print(results)
    print([p.name for p in procs], [p.exitcode for p in procs], [p.is_alive() for p in procs])
    print(q2.empty(), current_process().name)
