# gc_cycles.py [N] — issue 15's number: N (default 1,000,000) two-node cycles made at module level
# (a.other = b; b.other = a) and dropped at once, so only the cycle collector frees them. Measures
# allocation, attribute stores and the young-generation collections that free the pairs.
import gc
import sys


class Node:
    pass


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
for i in range(n):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
a = b = None
gc.collect()
print("made", n, "two-node cycles")
