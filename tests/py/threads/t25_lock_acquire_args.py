# acquire()'s argument checks on _thread's lock and RLock (one helper in thread_module.cpp) with
# CPython 3.11's texts.
import _thread

for make in (_thread.allocate_lock, _thread.RLock):
    lk = make()
    for kw in ({"blocking": False, "timeout": 1}, {"timeout": -2}, {"timeout": -1.5}):
        try:
            lk.acquire(**kw)
        except ValueError as e:
            print(make.__name__, kw, e)
    print(lk.acquire(timeout=0.01), lk.acquire(blocking=False))
