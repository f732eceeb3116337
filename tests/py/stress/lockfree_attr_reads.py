# Threads read one shared object's attributes while a writer rebinds them, adds and deletes others
# (so the instance dict grows and shrinks) and replaces values, which die under the readers. In
# minipy-ft attribute reads look the instance dict up without its lock (objects/dict.cpp's
# optimistic lookup). Each value read must be one the writer bound to that attribute.
import threading


class Point:
    pass


p = Point()
p.x = ("x", 0)
p.y = ("y", 0)
p.z = ("z", 0)
ROUNDS = 300
stop = False
bad = []


def reader(n):
    reads = 0
    while not stop:
        for name, v in (("x", p.x), ("y", p.y), ("z", p.z)):
            if v[0] != name:
                bad.append((n, name, v))
            reads += 1
        try:
            extra = p.extra
        except AttributeError:
            extra = None
        if extra is not None and extra[0] != "extra":
            bad.append((n, "extra", extra))
    return reads


counts = {}


def run_reader(n):
    counts[n] = reader(n)


def writer():
    for gen in range(1, ROUNDS + 1):
        p.x = ("x", gen)
        p.y = ("y", gen)
        p.z = ("z", gen)
        p.extra = ("extra", gen)
        for i in range(20):  # grow the instance dict past its index
            setattr(p, "a%d" % i, i)
        for i in range(20):
            delattr(p, "a%d" % i)
        del p.extra


readers = [threading.Thread(target=run_reader, args=(n,)) for n in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", bad)
print("all read:", sorted(counts) == [0, 1, 2])
print("final:", p.x, p.y, p.z, hasattr(p, "extra"), sorted(vars(p)))
