# zip, map, filter and enumerate wrapped around each other tens of thousands deep: getting an item
# recurses once per level, which must end in an item or a RecursionError, never overflow the C
# stack (issue 12; minipy segfaulted on these depths). Shallow nesting still works.


def nest(wrap, depth):
    it = iter([1, 2])
    for _ in range(depth):
        it = wrap(it)
    return it


# The depths CPython 3.11 itself survives (it has no guard here and crashes on map, filter and enumerate at 100,000).
wrappers = [
    ("zip", zip, 100000),
    ("map", lambda it: map(lambda x: x, it), 60000),
    ("filter", lambda it: filter(None, it), 60000),
    ("enumerate", enumerate, 60000),
]
for name, wrap, depth in wrappers:
    print(name, list(nest(wrap, 3)))
    try:
        next(nest(wrap, depth))
    except RecursionError:
        pass
    print(name, "deep: survived")
