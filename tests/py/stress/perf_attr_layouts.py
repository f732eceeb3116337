# Threads read and write attributes through shared code sites (one position hint and one class
# cache per name, objects/containers.h's dict_get_str_hinted) over objects whose layouts another
# thread keeps changing: attributes added and deleted (entries move), __dict__ emptied and refilled
# in another order, __class__ assigned, a class attribute and a property added and removed. Every value read must be one bound
# to that name; every write must land.
import threading


class P:
    def __init__(self, n):
        self.x = ("x", n)
        self.y = ("y", n)


class Q:
    def __init__(self, n):
        self.pad = ("pad", n)
        self.y = ("y", n)
        self.x = ("x", n)


class OwnP:
    # P's layout, in a class the mutator leaves alone: a write races no property P gains for a moment.
    def __init__(self, n):
        self.x = ("x", n)
        self.y = ("y", n)


shared = [P(0), Q(0), P(1), Q(1)]
ROUNDS = 200
stop = False
bad = []


def read_x(o):
    return o.x


def read_y(o):
    return o.y


def reader(n):
    while not stop:
        for o in shared:
            try:
                v = read_x(o)
                if v[0] != "x":
                    bad.append((n, "x", v))
            except AttributeError:
                pass
            try:
                v = read_y(o)
                if v[0] != "y":
                    bad.append((n, "y", v))
            except AttributeError:
                pass


own_ok = []


def own_writer(n):
    # Objects of this thread alone, through the same sites: every write must be read back.
    mine = [OwnP(n), Q(n)]
    ok = True
    for i in range(3000):
        for o in mine:
            o.x = ("x", i)
            if read_x(o) != ("x", i):
                ok = False
    own_ok.append(ok)


def mutator():
    for r in range(ROUNDS):
        o = shared[r % 4]
        for i in range(12):
            setattr(o, "a%d" % i, i)
        for i in range(12):
            delattr(o, "a%d" % i)
        del o.x
        o.x = ("x", r)
        if r % 10 == 0:
            # The dict emptied and refilled in another order.
            d = vars(o)
            d.clear()
            d.update({"y": ("y", r), "x": ("x", r)})
        if r % 10 == 5:
            # __dict__ itself replaced while other threads read through it (minipy-ft stops the
            # world for the swap).
            o.__dict__ = {"x": ("x", r), "y": ("y", r)}
        if r % 7 == 0:
            o.__class__ = Q if type(o) is P else P
        if r % 13 == 0:
            P.y = ("y", "class")
            del P.y
        if r % 17 == 0:
            P.x = property(lambda self: ("x", "property"))
            del P.x


readers = [threading.Thread(target=reader, args=(n,)) for n in range(2)]
writers = [threading.Thread(target=own_writer, args=(n,)) for n in range(2)]
for t in readers + writers:
    t.start()
m = threading.Thread(target=mutator)
m.start()
m.join()
for t in writers:
    t.join()
stop = True
for t in readers:
    t.join()
print("bad reads:", bad[:3], len(bad))
print("own writes:", own_ok)
print("final:", sorted(k for o in shared for k in vars(o)))
