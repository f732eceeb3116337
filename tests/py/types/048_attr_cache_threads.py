# Threads reading attributes through cached lookups while another thread keeps changing the class:
# every read gives one of the values the class had, never anything else, and the last change is
# seen by all once the threads are done.
import threading


class Node:
    label = "old"

    def __init__(self, v):
        self.v = v

    def kind(self):
        return "kind-a"


def kind_b(self):
    return "kind-b"


def kind_a(self):
    return "kind-a"


seen = set()
lock = threading.Lock()


def reader(nodes):
    local = set()
    for _ in range(300):
        for n in nodes:
            local.add((n.kind(), n.label, n.v >= 0))
            n.v += 1
    with lock:
        seen.update(local)


nodes = [Node(i) for i in range(10)]
threads = [threading.Thread(target=reader, args=(nodes,)) for _ in range(4)]
for t in threads:
    t.start()
for i in range(200):
    Node.kind = kind_b if i % 2 else kind_a
    Node.label = "new" if i % 2 else "old"
Node.kind = kind_b
Node.label = "final"
for t in threads:
    t.join()
allowed = {(k, l, True) for k in ("kind-a", "kind-b") for l in ("old", "new", "final")}
print(seen <= allowed, len(seen) >= 1)
print(nodes[0].kind(), nodes[0].label, all(n.kind() == "kind-b" for n in nodes))
