# collections — minipy's collections package: deque, defaultdict, Counter, OrderedDict and namedtuple,
# written in minipy Python on top of list and dict, with CPython 3.11's methods and reprs.


class deque:
    """A double-ended queue over a list (appendleft is O(n) here; CPython uses linked blocks)."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, value):
        self._items[i] = value

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __bool__(self):
        return len(self._items) > 0

    def __repr__(self):
        if self._maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self._maxlen)


class defaultdict(dict):
    """A dict that calls default_factory to make a value for a missing key."""

    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        # Built by hand: minipy's dict.__repr__(self) on a dict subclass gives the object repr.
        body = ", ".join("%r: %r" % kv for kv in self.items())
        return "defaultdict(%r, {%s})" % (self.default_factory, body)


class Counter(dict):
    """A dict from items to counts; missing items count zero."""

    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)   # stable: ties keep insertion order
        return items if n is None else items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] + count
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        if kwds:
            self.subtract(kwds)

    def _keep_positive(self, pairs):
        result = Counter()
        for elem, count in pairs:
            if count > 0:
                result[elem] = count
        return result

    def __add__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep_positive((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep_positive((k, self[k] - other[k]) for k in keys)

    def __or__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep_positive((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        return self._keep_positive((k, min(self[k], other[k])) for k in self)

    def __repr__(self):
        if not self:
            return "Counter()"
        body = ", ".join("%r: %r" % kv for kv in self.most_common())
        return "Counter({%s})" % body


class OrderedDict(dict):
    """A dict that can move keys to either end (plain dicts already keep insertion order)."""

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self.items()),)


def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
    """Builds a class with named fields. minipy cannot subclass tuple yet, so the class holds a
    tuple and forwards indexing, iteration, len, == and hash to it: isinstance(p, tuple) is False."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError("%s() takes %d positional arguments but %d were given"
                            % (typename, len(fields), len(args)))
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                raise TypeError("%s() missing required argument: '%s'" % (typename, name))
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (typename, next(iter(kwargs))))
        object.__setattr__(self, "_tuple", tuple(values))

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    def __repr__(self):
        body = ", ".join("%s=%r" % (f, v) for f, v in zip(fields, self._tuple))
        return "%s(%s)" % (typename, body)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._tuple == other
        return type(other) is type(self) and self._tuple == other._tuple

    def __ne__(self, other):
        return not self == other

    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **kwargs):
        values = [kwargs.pop(f, v) for f, v in zip(fields, self._tuple)]
        if kwargs:
            raise ValueError("Got unexpected field names: %r" % list(kwargs))
        return type(self)(*values)

    namespace = {
        "__init__": __init__,
        "__setattr__": __setattr__,
        "__repr__": __repr__,
        "__eq__": __eq__,
        "__ne__": __ne__,
        "__hash__": lambda self: hash(self._tuple),
        "__len__": lambda self: len(self._tuple),
        "__iter__": lambda self: iter(self._tuple),
        "__getitem__": lambda self, i: self._tuple[i],
        "__contains__": lambda self, x: x in self._tuple,
        "_asdict": lambda self: dict(zip(fields, self._tuple)),
        "_replace": _replace,
        "_make": classmethod(_make),
        "_fields": fields,
        "_field_defaults": field_defaults,
    }
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, i=index: self._tuple[i])
    return type(typename, (), namespace)
