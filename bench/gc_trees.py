# gc_trees.py [ROUNDS] — a long-running, allocation-heavy program whose garbage is all cycles: each
# round builds a tree of nodes that point to their children and back to their parent, uses it, and
# drops it, so only the cycle collector can free it. Prints the resident set size (from /proc) every
# few rounds: with the collector working it stays flat; without it, it grows with every round.
# Not part of bench/run's table (it measures memory over time, not speed).
import sys
import time


class Node:
    def __init__(self, parent, depth):
        self.parent = parent
        self.children = []
        self.value = depth
        if depth > 0:
            for _ in range(3):
                self.children.append(Node(self, depth - 1))


def total(node):
    return node.value + sum(total(c) for c in node.children)


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
start = time.perf_counter()
checksum = 0
for r in range(rounds):
    tree = Node(None, 7)  # 3,280 nodes
    checksum += total(tree)
    del tree
    if r % (rounds // 10 or 1) == 0:
        print(f"round {r:4d}: rss {rss_mb():6.1f} MB, {time.perf_counter() - start:5.2f} s", file=sys.stderr)
print(f"rss_end={rss_mb():.1f}MB time={time.perf_counter() - start:.2f}s checksum={checksum}", file=sys.stderr)
print(f"checksum={checksum}")
