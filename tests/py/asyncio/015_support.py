# The smaller pieces CPython's asyncio needed from minipy: a module's __getattr__ (PEP 562),
# collections.deque's remove/index/insert, sys's async generator hooks and is_finalizing,
# time.get_clock_info, threading._register_atexit, a lock's _at_fork_reinit, and subprocess.
import subprocess
import sys
import threading
import time
import types
from collections import deque

m = types.ModuleType("lazy")


def lazy_getattr(name):
    if name == "answer":
        return 42
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")


m.__getattr__ = lazy_getattr
print(m.answer, hasattr(m, "other"))
import concurrent.futures
print(concurrent.futures.ThreadPoolExecutor.__name__)
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    print(list(ex.map(abs, [-1, -2, 3])))

d = deque([1, 2, 3, 2])
d.remove(2)
print(d, d.index(2), d.index(3))
for bad in [d.remove, d.index]:
    try:
        bad(7)
    except ValueError as e:
        print("ValueError:", e)
d.insert(0, "first")
del d[1]
print(d, d.copy() == d)
try:
    del d[10]
except IndexError as e:
    print("IndexError:", e)

print(sys.get_asyncgen_hooks())
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter, hooks.finalizer, tuple(hooks))
sys.set_asyncgen_hooks(firstiter=print)
print(sys.get_asyncgen_hooks().firstiter is print)
sys.set_asyncgen_hooks(*hooks)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print("TypeError:", e)
print(sys.is_finalizing())

info = time.get_clock_info("monotonic")
print(info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.get_clock_info("time").monotonic)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError:", e)

threading._register_atexit(print, "threading atexit ran", "before exit")
lock = threading.Lock()
lock.acquire()
lock._at_fork_reinit()
print(lock.locked())

print(subprocess.run(["echo", "hello"], capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "exit 3"]).returncode)
print(subprocess.check_output("echo $((6 * 7))", shell=True, text=True))
try:
    subprocess.run(["/nonexistent/program"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    subprocess.run(["ls"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
