# threads_shared_attr.py N — N threads (default 1) split a fixed number of reads of ONE shared
# object's attributes (`p.x`, `p.y`, `p.z`) and a method call on it. The object, its attribute dict
# and the float values belong to the main thread, so each read counts references on objects another
# thread owns and looks up a dict that every thread reads. Prints the thread count, the sum and the
# wall time.
from threadbench import time_threads, worker_count

READS = 1600000


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm1(self):
        return self.x + self.y + self.z


POINT = Point(0.5, 1.5, 2.5)


def work(reads, out, k):
    p = POINT
    total = 0.0
    for _ in range(reads):
        total += p.x * p.y - p.z + p.norm1()
    out[k] = total


n = worker_count()
share = READS // n
out = [0.0] * n
elapsed = time_threads(work, lambda k: (share, out, k), n)
print(f"threads={n} sum={sum(out)} time={elapsed:.3f}s")
