# An uncaught exception group: nested groups, a chained cause and a context, boxed as CPython prints them.
def inner():
    raise ExceptionGroup("inner", [ValueError("v"), KeyError("k")])
def nested():
    try:
        inner()
    except Exception as e:
        raise ExceptionGroup("outer", [e, TypeError("t"), ExceptionGroup("deep", [OSError(1)])]) from ValueError("cause")
nested()
