# functools.py — minipy's functools module: higher-order helpers (reduce, partial, wraps, lru_cache,
# cmp_to_key, total_ordering, cached_property) written in plain minipy Python, with CPython 3.11's
# behaviour and reprs.

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    """Folds iterable from the left: reduce(f, [a, b, c]) is f(f(a, b), c)."""
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """A callable that calls func with some arguments already filled in."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


def _unwrap_partial(func):
    # What inspect looks through to find the function a partial will call.
    while isinstance(func, partial):
        func = func.func
    return func


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Copies the name, docstring and attributes of wrapped onto wrapper."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    for attr in updated:
        target = getattr(wrapper, attr, None)
        source = getattr(wrapped, attr, None)
        if target is not None and source is not None:
            target.update(source)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class _CacheInfo:
    """What cache_info() returns; prints as CPython's CacheInfo named tuple."""

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def _make_key(args, kwds):
    # Keyword arguments are part of the key, in the order given, as in CPython.
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for item in kwds.items():
            key = key + item
    return key


_kwd_mark = object()


class _LruCacheWrapper:
    """The function lru_cache returns: a dict from argument keys to results, oldest first."""

    def __init__(self, func, maxsize):
        self.__wrapped__ = func
        self._func = func
        self._maxsize = maxsize
        self._cache = {}
        self._hits = 0
        self._misses = 0
        update_wrapper(self, func)

    def __call__(self, *args, **kwds):
        key = _make_key(args, kwds)
        cache = self._cache
        if key in cache:
            self._hits += 1
            result = cache.pop(key)     # re-inserting moves the key to the most recent end
            cache[key] = result
            return result
        self._misses += 1
        result = self._func(*args, **kwds)
        if self._maxsize is None or self._maxsize > 0:
            cache[key] = result
            if self._maxsize is not None and len(cache) > self._maxsize:
                del cache[next(iter(cache))]
        return result

    def __get__(self, obj, objtype=None):
        # Lets a cached function be used as a method.
        if obj is None:
            return self
        return partial(self, obj)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0


def lru_cache(maxsize=128, typed=False):
    """Memoizes a function, keeping the maxsize most recently used results (typed is ignored)."""
    if callable(maxsize):                   # used bare: @lru_cache
        return _LruCacheWrapper(maxsize, 128)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(func):
        return _LruCacheWrapper(func, maxsize)
    return decorating_function


def cache(func):
    """An unbounded lru_cache."""
    return _LruCacheWrapper(func, None)


def cmp_to_key(mycmp):
    """Turns an old-style comparison function into a key= function."""
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


# For each root comparison, how to build the other three from it and __eq__.
def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (not r and self != other)


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (r or self == other)


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (not r or self == other)


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (r and self != other)


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (not r and self != other)


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (r or self == other)


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (not r or self == other)


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (r and self != other)


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r


_convert = {
    "__lt__": [("__gt__", _gt_from_lt), ("__le__", _le_from_lt), ("__ge__", _ge_from_lt)],
    "__le__": [("__ge__", _ge_from_le), ("__lt__", _lt_from_le), ("__gt__", _gt_from_le)],
    "__gt__": [("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt), ("__le__", _le_from_gt)],
    "__ge__": [("__le__", _le_from_ge), ("__gt__", _gt_from_ge), ("__lt__", _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator: given __eq__ and one of < <= > >=, defines the other three."""
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
             if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)       # CPython prefers __lt__ (the largest name), then __le__, __gt__, __ge__
    for name, method in _convert[root]:
        if name not in roots:
            method.__name__ = name
            setattr(cls, name, method)
    return cls


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then kept in the instance's __dict__ (CPython 3.11's
    behaviour: later reads find the dict entry first, and a lock makes a racing first read compute
    once)."""

    def __init__(self, func):
        import _thread
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.lock = _thread.allocate_lock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names "
                            f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is not _NOT_FOUND:
            return value
        with self.lock:
            value = cache.get(self.attrname, _NOT_FOUND)
            if value is _NOT_FOUND:
                value = self.func(instance)
                try:
                    cache[self.attrname] = value
                except TypeError:
                    raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                                    f"does not support item assignment for caching {self.attrname!r} "
                                    "property.") from None
        return value

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)
