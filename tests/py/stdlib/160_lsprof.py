# _lsprof.Profiler directly: call counts, recursion counts, caller/callee structure and, with a
# counting timer (one tick per reading), exact total and inline times.
import _lsprof

ticks = 0


def counter():
    global ticks
    ticks += 1
    return ticks


def name_of(code):
    return code if isinstance(code, str) else code.co_name


def show(prof):
    rows = []
    for e in prof.getstats():
        calls = None
        if e.calls is not None:
            calls = sorted((name_of(s.code), s.callcount, s.reccallcount, s.totaltime, s.inlinetime)
                           for s in e.calls)
        rows.append((name_of(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime, calls))
    for row in sorted(rows, key=lambda r: r[0]):
        print(*row[:5])
        if row[5] is not None:
            for sub in row[5]:
                print("   ->", *sub)
    print("--")


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


def leaf(x):
    return x + 1


def uses_builtins(items):
    out = []
    for i in items:
        out.append(leaf(i))
    return len(out) + max(out)


def raiser():
    raise ValueError("boom")


def catcher():
    try:
        raiser()
    except ValueError:
        return "caught"


def gen(n):
    for i in range(n):
        yield leaf(i)


def consume():
    return sum(gen(3))


def bad_int():
    return int("x")


def tries_int():
    try:
        bad_int()
    except ValueError:
        pass


print(_lsprof.Profiler.__name__, _lsprof.profiler_entry.__name__, _lsprof.profiler_subentry.__name__)
print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)

# Recursion, mutual recursion, builtins and methods, with times from the counter (timeunit: ticks
# are seconds' fractions given by timeunit).
p = _lsprof.Profiler(counter, 0.5)
p.enable()
fact(5)
even(4)
uses_builtins([1, 2, 3])
p.disable()
show(p)

# Exceptions unwinding frames and raised by a builtin, and generators (each resume is a call).
p = _lsprof.Profiler(counter, 1.0)
p.enable()
catcher()
consume()
tries_int()
p.disable()
show(p)

# subcalls off: calls is None; builtins off: no built-in entries.
p = _lsprof.Profiler(counter, 1.0, subcalls=False, builtins=False)
p.enable()
uses_builtins([5, 6])
p.disable()
show(p)

# enable() can change the flags; clear() forgets everything; a profiler can be re-enabled.
p = _lsprof.Profiler(counter, 1.0)
p.enable(builtins=False)
fact(3)
p.disable()
show(p)
p.clear()
print(p.getstats())
p.enable(subcalls=False)
leaf(1)
p.disable()
show(p)

# A timer returning floats is read as seconds; an int one without timeunit too.
t = [0.0]


def float_timer():
    t[0] += 0.25
    return t[0]


p = _lsprof.Profiler(float_timer)
p.enable()
fact(2)
p.disable()
show(p)

# The calls still running when disable() comes are counted up to then.
def outer():
    p.disable()


p = _lsprof.Profiler(counter, 1.0)
p.enable()
outer()
show(p)

# The code of a Python function is its code object; entries are structseqs.
p = _lsprof.Profiler()
p.enable()
leaf(0)
p.disable()
for e in p.getstats():
    if not isinstance(e.code, str) and e.code.co_name == "leaf":
        print(e.code is leaf.__code__, e.callcount, e[1], len(e), type(e.totaltime).__name__, e.totaltime >= 0)
        print(type(e).__name__, isinstance(e, tuple))

# Bad arguments.
for bad in [lambda: _lsprof.Profiler(1, 2, 3, 4, 5), lambda: _lsprof.Profiler(timeunit="x"),
            lambda: p.enable(1, 2, 3), lambda: p.getstats(1)]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError")
