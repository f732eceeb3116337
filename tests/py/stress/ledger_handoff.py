# References a thread takes to another thread's objects and then hands to a third thread, which
# drops them: in minipy-ft the first thread counts those references in its ledger (flavor.h), so the
# object's count must stay above zero until the ledger settles, whoever drops the last reference.
# Also more objects than a ledger has slots (4,096), so entries are evicted while in use. Every
# object must die exactly once, after the threads are done, and nothing may crash.
import threading
import weakref

N = 6000
REPEAT = 3


class Box:
    pass


deaths = []
boxes = [Box() for _ in range(N)]
refs = [weakref.ref(b, lambda r: deaths.append(1)) for b in boxes]
handoff = []
done = threading.Event()


def copier():
    # reads the main thread's boxes and hands each over REPEAT times
    for _ in range(2):
        for b in boxes:
            for _ in range(REPEAT):
                handoff.append(b)
    done.set()


def dropper():
    dropped = 0
    while True:
        try:
            handoff.pop()
            dropped += 1
        except IndexError:
            if done.is_set() and not handoff:
                break
    counts.append(dropped)


counts = []
threads = [threading.Thread(target=copier), threading.Thread(target=dropper), threading.Thread(target=dropper)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("dropped", sum(counts), "of", 2 * N * REPEAT)
print("alive while the list holds them:", sum(r() is not None for r in refs))
boxes = None
print("died:", len(deaths))
print("all gone:", all(r() is None for r in refs))
