# Every math function called with no, too many, keyword and wrong-typed arguments: CPython's messages
# (math.sin() takes exactly one argument, math.log requires 1 to 2 arguments, a missing argument
# reported before an unknown keyword, trunc() of an object without __trunc__...).
import math
names = sorted(n for n in dir(math) if callable(getattr(math, n)))
for n in names:
    f = getattr(math, n)
    for args, kw in (((), {}), ((1,) * 5, {}), ((1,), {"x": 1}), (("a",), {}), (("a", "b"), {})):
        try:
            f(*args, **kw)
            print(n, "ok")
        except Exception as e:
            print(n, type(e).__name__, e)
