# sys.settrace's 'line' events through every kind of control flow: try/except and try/finally on
# the normal path, for with break/continue/else, while, if/else, with, pass, a comprehension and a
# lambda: each line is reported when it starts and once per round of a loop, as CPython does.
import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def flow(n):
    try:
        x = 1
    except KeyError:
        pass
    try:
        y = 2
    finally:
        z = 3
    for i in range(n):
        if i == 1:
            continue
        if i == 3:
            break
        x += 1
    else:
        w = 1
    while x < 4:
        x += 1
    if x > 100:
        y = 0
    else:
        y = 1
    with CM():
        pass
    square = lambda v: v * v
    return [square(a) for a in range(2)], x + y + z


events = []


def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


for n in (3, 5):
    events.clear()
    sys.settrace(tracer)
    result = flow(n)
    sys.settrace(None)
    print(n, result)
    for e in events:
        print("  ", e)
