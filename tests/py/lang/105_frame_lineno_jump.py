# Setting f_lineno from a trace function jumps (a debugger's "jump to line"): forward, backward,
# out of a for loop or an except block (which gives back the exception handled before), but never
# into a for loop's body, an except block or a with block, and only from a 'line' event. A bare
# literal statement keeps its line, so a 'line' event reports it.
import sys


def jumping(func, jump_from, jump_to, event="line"):
    """Runs func, jumping from its line jump_from to jump_to (both relative to the def) once."""
    first = func.__code__.co_firstlineno
    done = []

    def trace(frame, ev, arg):
        if done or frame.f_code is not func.__code__:
            return trace
        if ev == event and frame.f_lineno == first + jump_from:
            done.append(True)
            try:
                frame.f_lineno = first + jump_to
                print("  jumped; f_lineno is now", frame.f_lineno - first)
            except ValueError as e:
                print("  ValueError:", e)
        return trace

    out = []
    sys.settrace(trace)
    try:
        func(out)
    except Exception as e:
        print("  raised", type(e).__name__, e)
    finally:
        sys.settrace(None)
    print(func.__name__, out)


def forward(out):
    out.append(1)
    out.append(2)
    out.append(3)


def backward(out):
    out.append(1)
    out.append(2)


def out_of_for(out):
    for i in range(3):
        out.append(i)
    out.append("after")


def into_for(out):
    out.append(1)
    for i in range(2):
        out.append(i)


def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(sys.exc_info()[0].__name__)
        out.append("not reached")
    out.append(sys.exc_info()[0])


def into_except(out):
    out.append(1)
    try:
        out.append(3)
    except ValueError:
        out.append(5)


def into_with(out):
    out.append(1)
    with open(__file__) as f:
        out.append(3)


def too_far(out):
    out.append(1)


def with_nulls(out):
    out.append(1)
    print(
        len("ab")
    )


def literals(out):
    "docstring: not a line of its own"
    1
    out.append(3)


jumping(forward, 1, 3)
jumping(backward, 2, 1)
jumping(out_of_for, 2, 3)
jumping(into_for, 1, 3)
jumping(out_of_except, 5, 6)
jumping(into_except, 1, 5)
jumping(into_with, 1, 3)
jumping(too_far, 1, 5)
jumping(too_far, 1, -5)
jumping(too_far, 1, "2")
jumping(with_nulls, 4, 1)
jumping(forward, 1, 2, event="call")
jumping(forward, 0, 2, event="call")
jumping(too_far, 1, 1, event="return")

lines = []


def record(frame, ev, arg):
    if frame.f_code is literals.__code__:
        lines.append((ev, frame.f_lineno - literals.__code__.co_firstlineno))
    return record


sys.settrace(record)
literals([])
sys.settrace(None)
print(lines)


def gen():
    n = 0  # a local: CPython 3.11 refuses a yield's jump in a frame whose stack and locals are empty
    yield n + 1
    yield n + 2
    yield n + 3


def from_yield(frame, ev, arg):
    if frame.f_code is gen.__code__ and ev == "return" and frame.f_lineno == gen.__code__.co_firstlineno + 2:
        frame.f_lineno = gen.__code__.co_firstlineno + 4
    return from_yield


sys.settrace(from_yield)
g = gen()
first = next(g)
sys.settrace(None)
# Resuming would run the target line with the value sent pushed on the stack, a CPython quirk this
# test leaves alone.
print(first)
del g

# Thrown into after the jump: the exception starts where the generator would resume.
sys.settrace(from_yield)
g = gen()
first = next(g)
sys.settrace(None)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("KeyError", e)
print(g.gi_frame)
