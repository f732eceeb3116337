# Closing a suspended generator: one that no try/with covers is let go without running it (as
# CPython 3.13 does), one inside try/finally or with runs its cleanup, one that yields in its finally
# is an error; a trace function still sees the GeneratorExit. And misses of d[k], l[i], t[i] and
# str.translate and class-body lookups in mappings, which minipy raises without a C++ throw: the
# same exceptions, tracebacks, contexts and handlers as any raise.
import sys
import traceback


def plain():
    x = [1, 2]
    yield x
    yield 2


g = plain()
print(next(g), g.gi_frame is not None, g.gi_running)
g.close()
print(g.gi_frame, g.gi_running, list(g))


def guarded(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
g = guarded(log)
next(g)
g.close()
print(log, list(g))


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__)
        return False


def with_block():
    with Manager():
        yield "in"


g = with_block()
next(g)
g.close()


def yields_again():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = yields_again()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


g = catches()
next(g)
g.close()

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "plain" and event in ("exception", "return"):
        events.append((event, arg[0].__name__ if event == "exception" else arg))
    return tracer


g = plain()
next(g)
sys.settrace(tracer)
g.close()
sys.settrace(None)
print(events)

# Generators dropped unfinished: closed when freed, the covered ones run their cleanup.
log = []
first = next(guarded(log))
print(first, log)
print(any(v > 0 for v in [0, 1, 2]), next(iter(plain())))


def delegating():
    yield from guarded(log)


log = []
g = delegating()
next(g)
g.close()
print(log)

# d[k], l[i], t[i] misses.
d = {"a": 1}
for container, key in ((d, "b"), ([1, 2], 5), ([1, 2], -3), ((1, 2), 2), ((1,), -2), ("ab", 9)):
    try:
        container[key]
    except LookupError as e:
        print(type(e).__name__, e.args)


def nested():
    try:
        {}["missing"]
    except KeyError:
        return [][0]


try:
    nested()
except IndexError as e:
    print(repr(e), repr(e.__context__), e.__context__.__traceback__.tb_lineno)
    print("".join(traceback.format_exception(e)).count("Traceback"))


def miss_in_loop(n):
    hits = 0
    for i in range(n):
        try:
            hits += d["a" if i % 2 else "z"]
        except KeyError:
            continue
    return hits


print(miss_in_loop(10))
try:
    d[[1]]
except TypeError as e:
    print(e)


class Subclass(dict):
    def __missing__(self, key):
        return key * 2


print(Subclass()["ab"])

# str.translate with a dict, a dict subclass with __missing__, and another mapping.
print("abc".translate({ord("a"): "A", ord("b"): None}))
print("abc".translate(Subclass({ord("a"): "x"})))


class Table:
    def __getitem__(self, c):
        if c == ord("c"):
            raise IndexError
        return c + 1


print("abc".translate(Table()))


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Namespace()


class Namespace(dict):
    pass


class Missing(dict):
    def __missing__(self, key):
        if key == "magic":
            return 42
        raise KeyError(key)


class MissingMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Missing()


answer = "global"


class A(metaclass=Meta):
    x = answer
    y = len


class B(metaclass=MissingMeta):
    x = magic
    y = answer


print(A.x, A.y, B.x, B.y)
try:

    class C(metaclass=Meta):
        z = undefined_name

except NameError as e:
    print(e)


class Refusing(dict):
    def __missing__(self, key):
        raise LookupError(key)


print("abc".translate(Refusing({ord("b"): "B"})))
