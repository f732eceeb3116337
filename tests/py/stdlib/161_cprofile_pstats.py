# cProfile.Profile (CPython's cProfile.py over the native _lsprof) and pstats' reports, with a
# counting timer so that every time printed is exact.
import cProfile
import io
import pstats
import sys

ticks = 0


def counter():
    global ticks
    ticks += 1
    return ticks


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    data = []
    for i in range(4):
        data.append(fib(i))
    return sorted(data)


def report(prof, *keys, callers=False, callees=False):
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats(*keys)
    if callers:
        stats.print_callers()
    elif callees:
        stats.print_callees()
    else:
        stats.print_stats()
    # The blank lines and the header's ordering key vary with nothing; print everything.
    print(out.getvalue().rstrip())
    print("==")


prof = cProfile.Profile(counter, 0.001)
prof.enable()
work()
prof.disable()
report(prof, "calls", "name", "line")
report(prof, "cumulative", "name")
report(prof, "name", callers=True)
report(prof, "name", callees=True)

# As a context manager; runcall; sys.getprofile() is the profiler meanwhile.
with cProfile.Profile(counter, 1.0) as p2:
    seen = sys.getprofile()
    fib(3)
print(seen is p2, sys.getprofile())
p2.runcall(fib, 2)
report(p2, "calls", "name", "line")

# runctx with a statement; stats dict keys.
p3 = cProfile.Profile(counter, 1.0)
p3.runctx("fib(4)", globals(), {})
p3.create_stats()
keys = sorted((k[2], v[0], v[1]) for k, v in p3.stats.items())
print(keys)

# A builtins-off profile has no {built-in ...} rows.
p4 = cProfile.Profile(counter, 1.0, builtins=False)
p4.enable()
work()
p4.disable()
report(p4, "calls", "name", "line")

# Stats adds up several runs.
s = pstats.Stats(p3)
s.add(p4)
print(s.total_calls, s.prim_calls)
