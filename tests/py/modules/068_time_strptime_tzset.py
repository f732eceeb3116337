# time.strptime (CPython's _strptime module under the native time), tzset() re-reading TZ into
# timezone/altzone/daylight/tzname, clock_getres, clock_settime's errors on a clock that cannot be
# set, and pthread_getcpuclockid for this thread.
import os
import threading
import time

print(time.strptime("2024-03-05 12:34:56", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Tue Mar  5 12:34:56 2024"))
print(time.strptime("5 March 24, 1:02 PM", "%d %B %y, %I:%M %p")[:6], time.strptime("2024 65", "%Y %j").tm_yday)
for args in [(1,), ("x", "%Y"), ("2024", "%Q"), ("2024 junk", "%Y"), ("2024", 5)]:
    try:
        print(time.strptime(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(time._STRUCT_TM_ITEMS, time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0, "X", 5)).tm_zone)

for tz in ["UTC", "EST+05EDT,M3.2.0,M11.1.0", "Asia/Tokyo", "UTC"]:
    os.environ["TZ"] = tz
    print(time.tzset(), time.timezone, time.altzone, time.daylight, time.tzname, time.localtime(0).tm_hour)

print(time.clock_getres(time.CLOCK_MONOTONIC) > 0, type(time.clock_getres(time.CLOCK_REALTIME)))
for call in [lambda: time.clock_settime(time.CLOCK_MONOTONIC, 1.5), lambda: time.clock_settime_ns(time.CLOCK_MONOTONIC, 5),
             lambda: time.clock_settime_ns(time.CLOCK_MONOTONIC, 1.5), lambda: time.clock_getres(12345)]:
    try:
        call()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
clock = time.pthread_getcpuclockid(threading.get_ident())
print(type(clock), time.clock_gettime(clock) > 0)
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
