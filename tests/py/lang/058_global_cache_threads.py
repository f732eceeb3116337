# Threads load globals while another thread rebinds them to new objects (freeing the old ones),
# deletes and binds a name again, adds and deletes other globals (moving the dict's entries) and
# shadows a builtin: every load gives a value that was bound at some moment, or NameError for the
# name that is deleted at times, never a freed object or another name's value.
import threading

READERS = 3
ROUNDS = 3000

shared = ("value", -1)
flicker = [0]


def read_shared():
    return shared


def read_flicker():
    return flicker


def read_len():
    return len("abcd")


def reader(results, start):
    start.wait()
    bad = []
    lens = set()
    for _ in range(ROUNDS):
        v = read_shared()
        if type(v) is not tuple or v[0] != "value" or not -1 <= v[1] < ROUNDS:
            bad.append(repr(v))
        try:
            f = read_flicker()
            if type(f) is not list or f[0] % 2 != 0:
                bad.append(repr(f))
        except NameError:
            pass
        lens.add(read_len())
    results.append((bad, lens <= {4, "shadowed"}))


def writer(start):
    global shared, flicker, len
    start.wait()
    g = globals()
    for i in range(ROUNDS):
        shared = ("value", i)  # a new tuple each time; the last one is released
        if i % 2 == 0:
            flicker = [i]
        else:
            del flicker
        if i % 4 == 0:
            len = lambda s: "shadowed"
        elif i % 4 == 2:
            del len
        g["temp_%d" % (i % 40)] = i
        if i % 7 == 0:
            for k in [k for k in g if k.startswith("temp_")]:
                del g[k]


results = []
start = threading.Barrier(READERS + 1)
threads = [threading.Thread(target=reader, args=(results, start)) for _ in range(READERS)]
threads.append(threading.Thread(target=writer, args=(start,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
for bad, lens_ok in results:
    print("wrong values:", bad[:3], "len results as bound:", lens_ok)
print("after:", read_shared(), read_len(), sorted(k for k in globals() if k.startswith("temp_"))[:3])
try:
    read_flicker()
except NameError as e:
    print("NameError:", e)
