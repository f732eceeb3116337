# Memory stays bounded while a program makes and drops cycles: 200,000 two-node cycles in rounds,
# with the collector running on its own (no gc.collect() calls). The resident set size is read
# from /proc and checked against a generous bound, not a timing.
import gc


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Node:
    pass


def round_of_cycles(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        a.payload = [i, i + 1, i + 2]


round_of_cycles(20000)
start = rss_kb()
for r in range(10):
    round_of_cycles(20000)
growth = rss_kb() - start
# 200,000 leaked cycles would hold well over 60 MB here.
print("bounded:", growth < 30000, "" if growth < 30000 else growth)
print(gc.isenabled())
