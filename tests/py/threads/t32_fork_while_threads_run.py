# os.fork() while other threads run Python: the fork stops them (minipy-ft stops the world), so they
# wait to go on when it ends. The child has none of them, and is no longer the stopper: a collection
# there stops the world for real, and must not wait for the threads that only the parent has (it
# waited for ever in minipy-ft).
import gc
import os
import threading

stop = False
counts = [0, 0, 0]


def spin(k):
    while not stop:
        counts[k] += 1


threads = [threading.Thread(target=spin, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
statuses = []
for i in range(10):
    pid = os.fork()
    if pid == 0:
        gc.collect()
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    statuses.append(os.waitstatus_to_exitcode(status))
stop = True
for t in threads:
    t.join()
print(statuses)
print(all(c > 0 for c in counts))
