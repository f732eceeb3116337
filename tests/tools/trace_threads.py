# Two threads running the same small function: what `-X trace=work` shows (only work's instructions,
# each naming its thread) and, in a run with the GIL, the hand-offs.
import threading


def work():
    n = 0
    for i in range(2000):
        n += i


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
