# sys.settrace and sys.setprofile against CPython 3.11's event sequence on a range of code: the
# lines of try/except/finally (handler clean-up and re-raises report no line of their own), break,
# continue and return through finally and with blocks, decorated functions and classes (their code
# starts at the first decorator, each decorator is called on its own line), `while True`, yield from
# and await (no line on resumption; the inner iterator's StopIteration reported), gen.throw() and
# close() ('call' before 'exception'), the line of the implicit return, and the profile function's
# 'c_call', 'c_return' and 'c_exception' around built-in functions and methods.
import sys

def gen(n):
    for i in range(n):
        x = yield i
        if x:
            return x
    return -1

def fails(n):
    if n:
        raise ValueError(n)
    return 0

def nested(n):
    try:
        fails(n)
    except ValueError as e:
        r = e.args[0]
    finally:
        r = n + 1
    return r

def deep(n):
    if n == 0:
        raise KeyError("deep")
    return deep(n - 1)

def uses_gen():
    g = gen(3)
    a = next(g)
    b = g.send(None)
    try:
        g.send(5)
    except StopIteration as s:
        c = s.value
    return [a, b, c, list(gen(2))]

def comp(xs):
    return [x * 2 for x in xs if x], {x: 1 for x in xs}, sum(x for x in xs)

class K:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "K(%r)" % self.v
    @property
    def double(self):
        return self.v * 2

def with_stmt():
    import contextlib
    @contextlib.contextmanager
    def cm():
        yield 1
    with cm() as v:
        w = v + 1
    return w

def loop_while(n):
    t = 0
    while n:
        n -= 1
        if n % 2: continue
        t += n
    else:
        t = -t
    return t

def lambdas():
    f = lambda a: a + 1
    return f(1) + (lambda: 2)()

def deep_caller():
    try:
        deep(3)
    except KeyError:
        return "caught"

def reraise():
    try:
        try:
            fails(1)
        except ValueError:
            raise
    except ValueError:
        pass
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise TypeError("x") from e

def main1():
    nested(0); nested(1)
    deep_caller()
    uses_gen()
    comp([0, 1, 2])
    k = K(3); repr(k); k.double
    with_stmt()
    loop_while(5)
    lambdas()
    try:
        reraise()
    except TypeError:
        pass
    assert_ok = 1
    assert assert_ok

def fin_exc():
    try:
        x = 1
        raise ValueError(x)
    finally:
        y = 2
        z = 3

def fin_ret():
    for i in range(3):
        try:
            if i == 1:
                break
            continue
        finally:
            q = i
    try:
        return q
    finally:
        q = 0

def with_raise():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return True
    with CM():
        raise KeyError(1)
    with CM() as c, CM():
        pass
    return c

def multi_line(a,
               b):
    r = max(a,
            b,
            key=lambda v: -v)
    s = (a
         if r
         else b)
    return [r,
            s]

def sub():
    yield 1
    yield 2
    return 3

def deleg():
    r = yield from sub()
    yield r

def closes():
    try:
        yield 1
    finally:
        done = True

def matcher(v):
    match v:
        case [1, x]:
            return x
        case {"k": y}:
            return y
        case _:
            return None

def asserts():
    try:
        assert 1 == 2, "no"
    except AssertionError:
        pass

def comp_exc():
    try:
        return [1 // x for x in (1, 0)]
    except ZeroDivisionError:
        return "zde"

def global_del():
    global G
    G = 1
    del G
    a = b = 3
    a += b; b -= 1
    return a < b < 10

def main2():
    try:
        fin_exc()
    except ValueError:
        pass
    fin_ret()
    with_raise()
    multi_line(1,
               2)
    list(deleg())
    g = closes(); next(g); g.close()
    matcher([1, 2]); matcher({"k": 3}); matcher(5)
    asserts()
    comp_exc()
    global_del()

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

def iterate():
    total = 0
    for v in Countdown(2):
        total += v
    else:
        total = -total
    return total

async def inner(x):
    return x * 2

async def outer():
    a = await inner(1)
    b = await inner(2)
    return a + b

def run_coro():
    c = outer()
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def gen_throw():
    def g():
        try:
            yield 1
        except ValueError:
            yield 2
        yield 3
    it = g()
    next(it)
    v = it.throw(ValueError)
    return v, list(it)

def closure():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n

def with_return():
    import contextlib
    with contextlib.suppress(KeyError):
        return 1

def except_return():
    try:
        {}["x"]
    except KeyError:
        return "k"
    finally:
        pass

def loop_else():
    while True:
        for i in range(3):
            if i == 5:
                break
        else:
            break
    return i

def sorter():
    data = [3, 1, 2]
    data.sort(key=lambda v: -v)
    return sorted(data, key=lambda v: v)

def frames():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno, sorted(f.f_locals), sys._getframe(1).f_lineno

def main3():
    run_coro()
    gen_throw()
    closure()
    with_return()
    except_return()
    loop_else()
    sorter()


def while_true():
    i = 0
    while True:
        i += 1
        if i > 2:
            break
    while 1:
        i -= 1
        if i < 1: break
    return i


def short(v):
    if isinstance(v, tuple) and len(v) == 3 and isinstance(v[0], type):
        return v[0].__name__ + repr(v[1].args)
    if isinstance(v, (int, str, type(None), bool)):
        return repr(v)
    if callable(v) and hasattr(v, "__name__"):
        return getattr(v, "__qualname__", v.__name__)
    return type(v).__name__


log = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    log.append(("T", event, frame.f_code.co_name, frame.f_lineno, short(arg)))
    return tracer


def profiler(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    log.append(("P", event, frame.f_code.co_name, frame.f_lineno, short(arg)))


for mode in ("trace", "profile", "both"):
    for main in (main1, main2, main3, while_true):
        log.clear()
        if mode in ("trace", "both"):
            sys.settrace(tracer)
        if mode in ("profile", "both"):
            sys.setprofile(profiler)
        main()
        sys.settrace(None)
        sys.setprofile(None)
        print("==", mode, main.__name__, len(log))
        for e in log:
            print(*e)
