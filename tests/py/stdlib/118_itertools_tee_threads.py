# tee's re-entry guard and itertools shared between threads. A tee iterator whose input reads
# the same tee again, or reads it while another thread is still reading it, raises CPython's
# RuntimeError instead of deadlocking; count, repeat and the combinatoric iterators give each item
# to exactly one of the threads sharing them; and threads hammering one iterator never crash it.
import itertools
import threading
import weakref
from itertools import chain, combinations, count, cycle, groupby, islice, permutations, product, repeat, tee

# Re-entry from the input's own __next__.
class Reenter:
    first = True

    def __iter__(self):
        return self

    def __next__(self):
        first, self.first = self.first, False
        if first:
            return next(b)
        return "second"


a, b = tee(Reenter())
try:
    next(a)
except RuntimeError as e:
    print("RuntimeError:", e)
print("after the error:", next(a), next(b))

# A reader in another thread holds the input while this one asks for the same item.
start, finish = threading.Event(), threading.Event()


class Blocking:
    def __iter__(self):
        return self

    def __next__(self):
        start.set()
        finish.wait()
        return "late"


a, b = tee(Blocking())
results = []
reader = threading.Thread(target=lambda: results.append(next(a)))
reader.start()
start.wait()
try:
    next(b)
except RuntimeError as e:
    print("concurrent RuntimeError:", e)
finally:
    finish.set()
    reader.join()
print("the first reader got", results, "and the value is there for b:", next(b))

# tee iterators are weakly referable, and copies share what the leader has read.
a, b = tee(range(5))
ref = weakref.ref(a)
proxy = weakref.proxy(b)
print(ref() is a, proxy.__class__ is type(b), proxy.__next__(), list(b))
del a
print("weakref cleared:", ref() is None)
a, b = tee(iter(range(300)))
print(sum(1 for _ in a), sum(b), len(list(tee(range(1000), 4)[3])))


def run_threads(n, target):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# One count shared by threads (asyncio names tasks this way): every number once.
counter = count()
seen = [[] for _ in range(8)]
run_threads(8, lambda i: seen[i].extend(next(counter) for _ in range(2000)))
numbers = sorted(n for part in seen for n in part)
print("count shared:", len(numbers), numbers == list(range(16000)), next(counter))

slow = count(0.0, 0.5)
halves = [[] for _ in range(4)]
run_threads(4, lambda i: halves[i].extend(next(slow) for _ in range(500)))
values = sorted(v for part in halves for v in part)
print("float count shared:", len(values), values == [k / 2 for k in range(2000)])

# A bounded repeat gives its items once in all; product and combinations each tuple once.
rep = repeat("r", 5000)
got = [0] * 6
run_threads(6, lambda i: got.__setitem__(i, sum(1 for _ in rep)))
print("repeat shared:", sum(got))
for name, it, total in [("product", product(range(20), repeat=3), 8000),
                        ("combinations", combinations(range(30), 3), 4060),
                        ("permutations", permutations(range(12), 3), 1320)]:
    parts = [[] for _ in range(4)]
    run_threads(4, lambda i: parts[i].extend(it))
    items = [t for part in parts for t in part]
    print(name, "shared:", len(items), len(set(items)) == total == len(items))

# Many threads on one iterator of each kind: whatever each gets is an item the iterator could give
# (the list iterators inside may hand one item to two threads in minipy-ft, as in CPython 3.13t),
# and nothing breaks.
errors = []


def hammer(make, valid):
    it = make()
    got = []

    def work(i):
        try:
            for item in it:
                got.append(item)
        except (RuntimeError, ValueError) as e:
            errors.append(type(e).__name__)

    run_threads(6, work)
    return len(got) > 0 and all(valid(item) for item in got)


data = list(range(3000))


def number(x):
    return x in range(3000)


def pair_of(x):
    return isinstance(x, tuple) and len(x) == 2


makers = [
    ("chain", lambda: chain(data, data), number),
    ("chain.from_iterable", lambda: chain.from_iterable([data[:1000]] * 3), number),
    ("islice", lambda: islice(data, 10, None, 3), number),
    ("cycle", lambda: islice(cycle(data[:50]), 3000), lambda x: x in range(50)),
    ("zip_longest", lambda: itertools.zip_longest(data, data[:10]), pair_of),
    ("accumulate", lambda: itertools.accumulate(data), lambda x: isinstance(x, int)),
    ("pairwise", lambda: itertools.pairwise(data), pair_of),
    ("groupby", lambda: groupby(data, key=lambda x: x // 7), pair_of),
    ("compress", lambda: itertools.compress(data, cycle([1, 0])), number),
    ("dropwhile", lambda: itertools.dropwhile(lambda x: x < 100, data), number),
    ("starmap", lambda: itertools.starmap(divmod, zip(data, repeat(7))), pair_of),
]
for name, make, valid in makers:
    print(name, "hammered:", hammer(make, valid))
tee_parts = tee(data, 6)
results = [None] * 6


def read_tee(i):
    try:
        results[i] = sum(tee_parts[i])
    except RuntimeError as e:
        results[i] = str(e)


run_threads(6, read_tee)
print("tees in threads:", all(r == sum(data) or r == "cannot re-enter the tee iterator" for r in results))
print("errors are only", sorted(set(errors) - {"RuntimeError", "ValueError"}))
