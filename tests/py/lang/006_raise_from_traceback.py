# raise from traceback: checked against CPython 3.11's output.
def f():
    try:
        {}["x"]
    except KeyError as e:
        raise RuntimeError("boom") from e
f()
