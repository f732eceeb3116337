# collections — minipy's collections package: deque, defaultdict, Counter, OrderedDict and namedtuple,
# written in minipy Python on top of list, dict and tuple, with CPython 3.11's methods and reprs.

import sys


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


_KEYWORDS = frozenset((
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"))


class _TupleGetter:
    """The read-only field `p.x` of a namedtuple: item `index` of the tuple."""

    def __init__(self, index):
        self.index = index
        self.__doc__ = "Alias for field number %d" % index

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self.index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _check_names(typename, fields, rename):
    """CPython's validation of namedtuple names; with rename, bad field names become _0, _1, ..."""
    if rename:
        seen = set()
        for index, name in enumerate(fields):
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith("_")
                    or name in seen):
                fields[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + fields:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in fields:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)


def _make_new(typename, fields, defaults):
    """A __new__ with the fields as its parameters, so calls are checked (and their errors worded)
    as for any function; the last len(defaults) fields take the defaults."""
    first_default = len(fields) - len(defaults)
    params = ", ".join(name if i < first_default else "%s=_defaults[%d]" % (name, i - first_default)
                       for i, name in enumerate(fields))
    body = "(%s,)" % ", ".join(fields) if fields else "()"
    namespace = {"_tuple_new": tuple.__new__, "_defaults": defaults}
    exec("def __new__(_cls%s):\n    return _tuple_new(_cls, %s)\n" % (", " + params if params else "", body),
         namespace)
    new = namespace["__new__"]
    new.__qualname__ = typename + ".__new__"
    return new


def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
    """Returns a new subclass of tuple with named fields, as CPython's collections.namedtuple."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = [str(name) for name in field_names]
    typename = str(typename)
    _check_names(typename, fields, rename)
    fields = tuple(fields)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError("Expected %d arguments, got %d" % (len(fields), len(result)))
        return result

    def _replace(self, /, **kwargs):
        result = self._make([kwargs.pop(name, value) for name, value in zip(fields, self)])
        if kwargs:
            raise ValueError("Got unexpected field names: %r" % list(kwargs))
        return result

    def __repr__(self):
        body = ", ".join("%s=%r" % (name, value) for name, value in zip(fields, self))
        return "%s(%s)" % (self.__class__.__name__, body)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": _make_new(typename, fields, defaults),
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _TupleGetter(index)
    cls = type(typename, (tuple,), namespace)
    if module is None:
        module = sys._getframemodulename(1) or "__main__"
    cls.__module__ = module
    return cls
