# Threads running code objects for their first time together: a code object's attribute and
# global caches are made on its first run (objects/code.h, Code::make_caches), so here several
# threads race to make them, then all read and fill them at once. Every result must be exact.
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Named(Point):
    label = "n"


SCALE = 3
barrier = threading.Barrier(4)
results = {}
sources = []
for k in range(40):
    sources.append(
        "def work_%d(points):\n"
        "    total = 0\n"
        "    for p in points:\n"
        "        total += p.x * SCALE + p.y\n"
        "        p.y = p.y + 1\n"
        "        if hasattr(p, 'label'):\n"
        "            total += len(p.label)\n"
        "    return total + %d\n" % (k, k)
    )
namespace = {"SCALE": SCALE}
for text in sources:
    exec(text, namespace)


def runner(t):
    points = [Point(i, t) if i % 3 else Named(i, t) for i in range(50)]
    barrier.wait()
    got = []
    for k in range(40):
        got.append(namespace["work_%d" % k](points))
    results[t] = got


threads = [threading.Thread(target=runner, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for t in range(4):
    print(t, sum(results[t]), results[t][:3], results[t][-1])
