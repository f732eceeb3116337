# sys.version has CPython's shape, so platform can parse it; the coroutine origin tracking depth is
# kept per thread (asyncio's debug mode sets it).
import platform
import re
import sys
import threading

print(re.match(r"3\.11\.\d+ \(.*\) \[.*\]$", sys.version) is not None)
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple()[:2], platform.python_implementation() in ("CPython", "minipy"))
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
seen = []
t = threading.Thread(target=lambda: seen.append(sys.get_coroutine_origin_tracking_depth()))
t.start()
t.join()
print(seen)
sys.set_coroutine_origin_tracking_depth(depth=0)
print(sys.get_coroutine_origin_tracking_depth())
for bad in (-1, "2", 2.0):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except Exception as e:
        print(type(e).__name__, e)
