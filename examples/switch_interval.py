# The switch interval: how long a thread that wants the GIL waits before it asks the running thread
# to let go (sys.setswitchinterval; 5 ms by default, as in CPython). Two CPU-bound threads spin for
# a fixed time under three intervals, and count their turns: a turn ends when the other thread runs.
# What to look for, under `minipy` (and CPython): the default is 0.005 s; the longer the interval,
# the fewer and longer the turns (at best one turn per interval: 1 ms gives tens to hundreds of turns
# in the 0.4 s, 50 ms only a handful; a busy machine stretches every turn), while the work done
# stays the same, because only one thread runs at a time anyway. A short interval makes threads
# more responsive and costs more hand-offs.
# Under `minipy-ft` (no GIL) the interval changes nothing: both threads run at once on two cores and
# "turns" are just the moments their steps interleave, thousands of them whatever the setting.
# `minipy --gil-trace out switch_interval.py` draws the turns (out.svg marks each interval).
import sys
import threading
import time

RUN_SECONDS = 0.4
last_runner = None
turns = 0


def spin(name, stop_at):
    # A turn begins whenever this thread runs after the other one did. The check is a plain read
    # and store of globals: between two hand-offs only one thread runs, so nothing is lost to races
    # with a GIL (without one the count is only approximate, which is all it needs to be).
    global last_runner, turns
    steps = 0
    while time.perf_counter() < stop_at:
        if last_runner != name:
            last_runner = name
            turns += 1
        for i in range(200):
            steps += i & 1
    return steps


def count_turns(interval):
    global last_runner, turns
    sys.setswitchinterval(interval)
    last_runner, turns = None, 0
    stop_at = time.perf_counter() + RUN_SECONDS
    threads = [threading.Thread(target=spin, args=(name, stop_at)) for name in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return turns


gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print("GIL enabled:", gil)
default = sys.getswitchinterval()
print(f"default switch interval: {default} s")
for interval in (0.001, 0.005, 0.05):
    n = count_turns(interval)
    print(f"interval {interval * 1000:4.0f} ms: {n:6d} turns in {RUN_SECONDS} s, "
          f"{RUN_SECONDS * 1000 / max(n, 1):6.2f} ms per turn")
sys.setswitchinterval(default)
print("restored:", sys.getswitchinterval() == default)
