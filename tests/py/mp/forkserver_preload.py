# set_forkserver_preload(): the fork server imports the named modules once, so its children start
# with them loaded; a name that cannot be imported is skipped. The main module is not among them
# (CPython 3.11's server never preloads it): each child imports it itself, as under spawn.
import multiprocessing as mp
import os
import sys

IMPORTED_BY = os.getpid()


def report(q):
    q.put(("colorsys" in sys.modules, "no_such_module_here" in sys.modules,
           IMPORTED_BY == os.getpid(), IMPORTED_BY == os.getppid(), __name__))


if __name__ == "__main__":
    mp.set_forkserver_preload(["colorsys", "no_such_module_here"])
    ctx = mp.get_context("forkserver")
    q = ctx.Queue()
    ps = [ctx.Process(target=report, args=(q,)) for _ in range(2)]
    for p in ps:
        p.start()
    print([q.get(timeout=30) for _ in ps])
    for p in ps:
        p.join(30)
    print("colorsys" in sys.modules, [p.exitcode for p in ps])
    try:
        mp.set_forkserver_preload("abc")
    except TypeError as e:
        print("TypeError", e)
    print(mp.active_children())
