# itertools.py — minipy's itertools module: CPython 3.11's iterator building blocks, each written
# as a generator function (so every one is also a short example of yield in minipy), except count,
# which threads share.

from _thread import allocate_lock as _allocate_lock


class count:
    # A class with a lock rather than a generator: threads share counters (asyncio names every task
    # from one itertools.count().__next__), and a generator that two threads resume at once raises
    # "generator already executing" in minipy-ft. Each step is one atomic take-and-advance, as in
    # CPython's C type.
    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not hasattr(value, "__add__") or isinstance(value, (str, bytes)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step
        self._lock = _allocate_lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            n = self._n
            self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


class chain:
    """chain(a, b) yields a's items then b's; chain.from_iterable takes the iterables lazily."""

    def __init__(self, *iterables):
        self._gen = chain._flatten(iterables)

    __class_getitem__ = classmethod(type(list[int]))

    @staticmethod
    def _flatten(iterables):
        for it in iterables:
            yield from it

    @classmethod
    def from_iterable(cls, iterables):
        obj = cls()
        obj._gen = chain._flatten(iterables)
        return obj

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def islice(iterable, *args):
    s = slice(*args)
    start = 0 if s.start is None else s.start
    stop = s.stop
    step = 1 if s.step is None else s.step
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    it = iter(iterable)
    i = 0
    next_i = start
    while stop is None or next_i < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == next_i:
            yield element
            next_i += step
        i += 1


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def groupby(iterable, key=None):
    """Yields (key, group) for each run of consecutive equal keys; a group is a list iterator here,
    not a lazy view, so it stays valid after the next group is taken (CPython's would be empty)."""
    keyfunc = (lambda x: x) if key is None else key
    group = []
    current = None
    for element in iterable:
        k = keyfunc(element)
        if group and k != current:
            yield current, iter(group)
            group = []
        current = k
        group.append(element)
    if group:
        yield current, iter(group)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [prefix + (y,) for prefix in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    # Every r-tuple of distinct positions, in lexicographic order of positions.
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        # Find the rightmost index that can still move right, move it, reset the ones after it.
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def tee(iterable, n=2):
    """n independent iterators over one iterable; values not yet read by all are kept in queues."""
    it = iter(iterable)
    queues = [[] for _ in range(n)]

    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for q in queues:
                    q.append(value)
            yield mine.pop(0)
    return tuple(gen(q) for q in queues)
