# An exception raised while handling another shows both tracebacks, joined by CPython's chaining line.
data = {}
try:
    data["missing"]
except KeyError:
    raise ValueError("lookup failed")
