# cProfile in threads: a profiler hears only the thread that enabled it (CPython 3.11's profile
# functions are per thread), each thread can run its own, and sys.getprofile() is per thread.
# Also: generators thrown into and closed, and sys.setprofile(None) stopping a profiler.
import cProfile
import sys
import threading


def counter_factory():
    n = [0]

    def counter():
        n[0] += 1
        return n[0]
    return counter


def work(k):
    return sum(square(i) for i in range(k))


def square(x):
    return x * x


def summary(prof):
    out = []
    for e in prof.getstats():
        name = e.code if isinstance(e.code, str) else e.code.co_name
        out.append((name, e.callcount, e.reccallcount))
    return sorted(out)


main_prof = cProfile.Profile(counter_factory(), 1.0)
results = {}
seen_in_thread = {}


def thread_body(k):
    seen_in_thread[k] = sys.getprofile()
    p = cProfile.Profile(counter_factory(), 1.0)
    p.enable()
    work(k)
    p.disable()
    results[k] = summary(p)


main_prof.enable()
threads = [threading.Thread(target=thread_body, args=(k,)) for k in (3, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
work(2)
main_prof.disable()
print(sorted(seen_in_thread.items()))  # the threads may start in either order
# The call right after enable() in a thread (work) is seen too, however the other thread serves
# the eval breaker meanwhile.
for k in sorted(results):
    print(k, results[k])
print([row for row in summary(main_prof) if row[0] in ("work", "square", "<genexpr>", "thread_body")])


def gen():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 3


def drive():
    g = gen()
    next(g)
    g.throw(KeyError)
    g.close()
    g2 = gen()
    next(g2)
    g2.close()


p = cProfile.Profile(counter_factory(), 1.0)
p.enable()
drive()
p.disable()
print(summary(p))

# sys.setprofile(None) turns the profiler off; calls after it are not seen.
p = cProfile.Profile(counter_factory(), 1.0)
p.enable()
square(1)
sys.setprofile(None)
square(2)
print(sys.getprofile())
p.disable()
print(summary(p))
