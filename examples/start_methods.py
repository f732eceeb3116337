# Start methods: how a child process begins, and why `if __name__ == "__main__":` matters.
# What to look for:
#   - "fork" copies this running interpreter: the child sees `setting` as the parent changed it,
#     and starts in a few milliseconds.
#   - "spawn" runs a fresh interpreter that imports this file again as __mp_main__: the line
#     "imported as __mp_main__" is printed once per spawned child, `setting` is back to its value
#     at import, and the start takes far longer: a new interpreter, its imports, the pickled
#     process object.
#   - "forkserver" starts one fresh interpreter, the fork server, the first time (so its first
#     start costs what spawn's does) and then forks each child from it: the child still imports
#     this file as __mp_main__ and sees `setting` as imported, like spawn's, but starts nearly as
#     fast as fork's, without copying the parent (its threads, its state). bench/mp_manager.py
#     measures all three.
#   - Without the __main__ guard, each spawned child would run the bottom of this file again and
#     start children of its own, without end; CPython stops that with a RuntimeError.
import multiprocessing as mp
import time

setting = "as imported"
if __name__ != "__main__":
    print("  (a child imported this file as %s)" % __name__)


def child(conn):
    conn.send((mp.current_process().name, setting))


def start_and_ask(method):
    ctx = mp.get_context(method)
    here, there = ctx.Pipe()
    start = time.perf_counter()
    p = ctx.Process(target=child, args=(there,))
    p.start()
    name, seen = here.recv()
    elapsed = time.perf_counter() - start
    p.join()
    return name, seen, elapsed


if __name__ == "__main__":
    setting = "changed by the parent"
    for method in ("fork", "spawn", "forkserver", "forkserver"):
        name, seen, elapsed = start_and_ask(method)
        print("%-10s %-20s setting=%-24r started and answered in %.1f ms"
              % (method, name, seen, elapsed * 1000))
