# multiprocessing.Manager(): a server process holds a dict, a list, a Namespace, a Queue, a Lock and
# a Value; proxies to them go to Process children (inherited or pickled) and to Pool workers
# (pickled by reference), and every change is seen by all. Also the proxies' reprs and strs, the
# method sets of DictProxy and ListProxy, and what is left after `with` (no child, a shut-down
# manager).
import multiprocessing as mp
from multiprocessing import managers


def record(d, l, q, lock, counter, ns, i):
    d[i] = i * i
    l.append(i)
    q.put(("done", i))
    for _ in range(25):
        with lock:
            counter.value += 1
    with lock:
        ns.visits += 1


def square_into(args):
    d, i = args
    d["pool%d" % i] = i * i
    return mp.current_process().name.startswith("ForkPoolWorker")


if __name__ == "__main__":
    with mp.Manager() as m:
        print(type(m).__name__)
        d = m.dict()
        l = m.list()
        q = m.Queue()
        lock = m.Lock()
        counter = m.Value("i", 0)
        ns = m.Namespace(visits=0)
        for proxy in (d, l, q, lock, counter, ns):
            text = repr(proxy)
            print(text[:text.index(" at 0x")], text.endswith(">"))
        ps = [mp.Process(target=record, args=(d, l, q, lock, counter, ns, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print([p.exitcode for p in ps])
        print(sorted(d.items()), sorted(l), counter.value, ns.visits)
        print(sorted(q.get(timeout=10) for _ in range(4)), q.empty())
        with mp.Pool(2) as pool:
            print(pool.map(square_into, [(d, i) for i in range(3)]))
        print(sorted(k for k in d.keys() if isinstance(k, str)), len(d))

        # str() of a proxy is the referent's; its value copies out.
        l2 = m.list([3, 1, 2])
        print(str(l2), l2._getvalue(), type(l2._getvalue()).__name__)
        l2.sort()
        l2 += [7]
        l2 *= 2
        print(l2[:], l2[1:3], l2[-1], len(l2), 7 in l2, l2.index(7), l2.count(1))
        d2 = m.dict(a=1, b=2)
        print(str(d2), d2.get("a"), d2.get("z", 0), "a" in d2, len(d2), d2.copy())
        d2.update(c=3)
        print(d2.setdefault("d", 4), d2.pop("a"), sorted(d2.keys()), sorted(d2.values()))
        del d2["b"]
        print(sorted(d2.items()), dict(d2) == d2.copy())
        print(ns, counter)
        print(sorted(managers.DictProxy._exposed_))
        print(sorted(managers.ListProxy._exposed_))
    print(mp.active_children())
    try:
        d["late"] = 1
    except OSError as e:
        print(type(e).__name__)
