# Threads call a method and read class attributes while another thread keeps replacing them and
# rebinding a global: each thread's type attribute cache and the LOAD_GLOBAL cache must never hand
# out a value that was replaced (and perhaps freed). Run under ThreadSanitizer by tools/test.
import threading

ROUNDS = 3000


class C:
    def m(self):
        return 1

    data = [0]


G = [0]


def reader(out, k):
    o = C()
    bad = 0
    for _ in range(ROUNDS * 4):
        v = o.m()
        if v not in (1, 2):
            bad += 1
        if len(C.data) != 1 or len(G) != 1:
            bad += 1
    out[k] = bad


def writer():
    global G
    for i in range(ROUNDS):
        C.data = [i]
        C.m = (lambda self: 2) if i % 2 else (lambda self: 1)
        G = [i]


out = [None] * 3
threads = [threading.Thread(target=reader, args=(out, k)) for k in range(3)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("bad reads:", sum(out))
print("final:", C.data, G, C().m())
