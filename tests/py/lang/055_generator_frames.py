# generator frames resumed by the loop itself (`for` over a generator, `yield from`, `await`): sent
# and returned values through nested levels, exceptions and tracebacks crossing generator frames,
# PEP 479, sys.exc_info() across resumes, "already executing", the frame chain sys._getframe sees,
# close()/throw() through a chain, sys.settrace events, and RecursionError in deep chains.
import sys
import traceback
import types


def leaf(n):
    got = []
    for i in range(n):
        v = yield i
        got.append(v)
    return got


def middle(n):
    r = yield from leaf(n)
    return ("middle", r)


def top(n):
    r = yield from middle(n)
    print("top got", r)
    yield "end"


g = top(3)
print(next(g), g.send("a"), g.send("b"), g.send("c"))
for v in top(2):
    print("for", v)
done = leaf(1)
print(list(done), list(done))
for v in done:
    print("never")


# An exception raised three `yield from` levels down, caught by the `for`'s caller.
def raiser(k):
    yield k
    raise ValueError("from depth %d" % k)


def chain(k):
    if k == 0:
        yield from raiser(0)
    else:
        yield from chain(k - 1)


def run_chain():
    try:
        for v in chain(3):
            print("got", v)
    except ValueError as e:
        print("caught", e)
        print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


run_chain()


def inner_fail():
    yield 1
    raise KeyError("k")


def outer_catch():
    try:
        yield from inner_fail()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "recovered"


print(list(outer_catch()))


# PEP 479: a StopIteration escaping a generator body becomes RuntimeError.
def stopper():
    yield 1
    raise StopIteration("x")


try:
    for v in stopper():
        print("stopper", v)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__context__ is e.__cause__)


def deleg_stop():
    yield from stopper()


try:
    for v in deleg_stop():
        pass
except RuntimeError as e:
    print("delegated", e)


# A generator resumed from inside itself.
def selfref():
    yield from me


me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
print(next(me, "finished"))


def selfloop():
    for x in me2:
        yield x


me2 = selfloop()
try:
    next(me2)
except ValueError as e:
    print(e)


# The exception being handled: the generator's own inside its except block, else the caller's.
def exc_gen():
    print("start", sys.exc_info()[0].__name__)
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        print("resumed", sys.exc_info()[0].__name__)
    yield sys.exc_info()[0].__name__


def exc_wrap():
    yield from exc_gen()


for source in (exc_gen, exc_wrap):
    try:
        raise TypeError("outer")
    except TypeError:
        for v in source():
            print("loop", v, sys.exc_info()[0].__name__)
    print("after", sys.exc_info())


def ctx_gen():
    yield 1
    raise ValueError("in gen")


try:
    raise KeyError("outer")
except KeyError:
    try:
        for _ in ctx_gen():
            pass
    except ValueError as e:
        print("context", repr(e.__context__))


# The frames a resumed generator sees above it: its latest resumer's.
def where():
    f = sys._getframe()
    names = []
    while f:
        names.append(f.f_code.co_name)
        f = f.f_back
    yield names


def where_outer():
    yield from where()


def caller():
    for names in where_outer():
        return names


print(caller())


def backs():
    while True:
        yield sys._getframe().f_back.f_code.co_name


bg = backs()


def c1():
    return next(bg)


def c2():
    for x in bg:
        return x


print(c1(), c2(), c1())


# close() and throw() through a chain of suspended frames.
def fin_leaf():
    try:
        yield 1
        yield 2
    finally:
        print("leaf finally")


def fin_mid():
    try:
        yield from fin_leaf()
    finally:
        print("mid finally")


gm = fin_mid()
for v in gm:
    print("first", v)
    break
gm.close()
print("closed")


def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("catcher got", e)


def via():
    yield from catcher()


gv = via()
print(next(gv), gv.throw(ValueError("t1")), gv.send(None))
gv.close()


def dropped():
    for v in fin_mid():
        return v


print("dropped", dropped())


# Coroutines awaiting coroutines.
async def leaf_c(x):
    if x < 0:
        raise ValueError("neg")
    return x * 2


async def mid_c(x):
    try:
        return await leaf_c(x) + 1
    except ValueError as e:
        return "mid caught " + str(e)


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as s:
        return s.value


print(drive(mid_c(5)), drive(mid_c(-1)))


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


async def two():
    a = await suspend("first")
    b = await suspend("second")
    return a + b


c = two()
print(c.send(None), c.send(10))
try:
    c.send(5)
except StopIteration as s:
    print("result", s.value)


async def once():
    return 1


async def twice():
    co = once()
    a = await co
    try:
        await co
    except RuntimeError as e:
        return (a, str(e))


print(drive(twice()))


# sys.settrace: each resume is a 'call', each yield a 'return' with the value.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("t_inner", "t_outer"):
        events.append((frame.f_code.co_name, event, arg if event == "return" else None))
    return tracer


def t_inner():
    yield 1
    yield 2
    return 3


def t_outer():
    r = yield from t_inner()
    yield r


sys.settrace(tracer)
for v in t_outer():
    pass
sys.settrace(None)
for e in events:
    if e[1] != "line":
        print(e)


# Deep chains: below the recursion limit they run; past it, RecursionError, and all is well after.
def nest(k):
    if k == 0:
        yield "bottom"
    else:
        yield from nest(k - 1)


print(list(nest(300)))
try:
    for v in nest(5000):
        print("unreachable")
except RecursionError:
    print("RecursionError")
print(list(nest(10)))


def nest_for(k):
    if k == 0:
        yield "bottom"
    else:
        for v in nest_for(k - 1):
            yield v


try:
    print(list(nest_for(5000)))
except RecursionError:
    print("RecursionError")
print(list(nest_for(10)))
