# Threads call weak references while the main thread drops the last strong references to their
# referents. In minipy-ft a reader must never revive an object whose count already reached zero:
# it either gets the live object or None, never a freed one.
import threading
import weakref


class Node:
    def __init__(self, value):
        self.value = value


ROUNDS = 40
PER_ROUND = 400
READERS = 2

wrong = []


def read_all(refs, start):
    start.wait()
    for _ in range(3):
        for i, ref in enumerate(refs):
            node = ref()
            if node is None:
                continue
            if node.value != i:
                wrong.append((i, node.value))


all_refs = []
for _ in range(ROUNDS):
    nodes = [Node(i) for i in range(PER_ROUND)]
    refs = [weakref.ref(n) for n in nodes]
    start = threading.Barrier(READERS + 1)
    readers = [threading.Thread(target=read_all, args=(refs, start)) for _ in range(READERS)]
    for t in readers:
        t.start()
    start.wait()
    while nodes:
        nodes.pop()
    for t in readers:
        t.join()
    all_refs.extend(refs)

print("wrong values:", wrong)
print("all dead at the end:", all(r() is None for r in all_refs))
print("references:", len(all_refs))
