# Function docstrings: __doc__ comes from the first statement, can be replaced, and is None otherwise.
def documented(x):
    """Return x doubled."""
    return 2 * x


def plain():
    return 1


def late():
    x = 1
    "not a docstring"
    return x


print(documented.__doc__)
print(plain.__doc__, late.__doc__)
plain.__doc__ = "set later"
print(plain.__doc__)
print((lambda: 0).__doc__)
