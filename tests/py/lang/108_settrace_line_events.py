# sys.settrace's 'line' events for code the compiler reduces: `if 1:` and a bare literal keep their
# lines; the artificial code of `except*` (its set-up, the clean-up after a clause, the re-raise)
# and an `async for`'s jump back have none; a frame that gets f_trace while running goes on with its
# line. sys.settrace from a __del__ run while settrace replaces the old function is a RuntimeError.
import sys


def record(func, *args):
    first = func.__code__.co_firstlineno
    events = []

    def trace(frame, event, arg):
        if frame.f_code is func.__code__:
            events.append((frame.f_lineno - first, event))
        return trace

    sys.settrace(trace)
    try:
        func(*args)
    except BaseException as e:
        events.append(type(e).__name__)
    finally:
        sys.settrace(None)
    print(func.__name__, events)


def constant_if():
    x = 1
    if 1:
        x = 2
    else:
        pass
    "a bare literal"
    return x


def star_caught():
    try:
        raise ValueError(2)
    except* ValueError:
        4
    else:
        6
    finally:
        8


def star_not_caught():
    try:
        try:
            raise ValueError(4)
        except* TypeError:
            6
    except ValueError:
        8


def star_named():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        4
    5


async def arange(n):
    for i in range(n):
        yield i


async def async_loop():
    async for i in arange(2):
        if i > 100:
            break


def run_async():
    coro = async_loop()
    try:
        coro.send(None)
    except StopIteration:
        pass


record(constant_if)
record(star_caught)
record(star_not_caught)
record(star_named)

events = []
first = async_loop.__code__.co_firstlineno


def trace_async(frame, event, arg):
    if frame.f_code is async_loop.__code__:
        events.append((frame.f_lineno - first, event))
    return trace_async


sys.settrace(trace_async)
run_async()
sys.settrace(None)
print("async_loop", events)


def _set_trace_in_caller(tracefunc):
    sys.settrace(tracefunc)
    sys._getframe().f_back.f_trace = tracefunc


def set_trace_and_return(tracefunc):
    _set_trace_in_caller(tracefunc)


late = []


def late_trace(frame, event, arg):
    late.append((frame.f_code.co_name, event))
    return late_trace


set_trace_and_return(late_trace)
sys.settrace(None)
print(late)


class Reinstalls:
    def __call__(self, *args):
        pass

    def __del__(self):
        try:
            sys.settrace(print)
        except RuntimeError as e:
            print("RuntimeError:", e)


sys.settrace(Reinstalls())
sys.settrace(None)
print(sys.gettrace())
