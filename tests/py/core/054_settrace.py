# sys.settrace and sys.setprofile: the events a trace function sees (call, line, return, exception),
# the local trace function a 'call' returns, f_trace_lines, a tracer that raises, generators,
# threading.settrace, and the `trace` module (line counts) built on them.
import sys
import threading


def steps(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total


def gen():
    yield 1
    x = yield 2
    return x


def fails():
    raise ValueError("inner")


def catches():
    try:
        fails()
    except ValueError as e:
        return str(e)


events = []


def tracer(frame, event, arg):
    shown = arg if event == "return" else (arg[0].__name__ if event == "exception" else None)
    events.append((event, frame.f_code.co_name, frame.f_lineno, shown))
    return tracer


def run_traced(fn, *args, hook=tracer):
    events.clear()
    sys.settrace(hook)
    try:
        result = fn(*args)
    finally:
        sys.settrace(None)
    for e in events:
        print("  ", e)
    return result


print("steps:", run_traced(steps, 2))
print("catches:", run_traced(catches))
print("gen:", run_traced(lambda: list(gen())))
print("gettrace inside:", run_traced(sys.gettrace) is tracer, sys.gettrace())


# A 'call' that returns None leaves the frame untraced; f_trace_lines=False keeps calls and returns.
def only_steps(frame, event, arg):
    events.append((event, frame.f_code.co_name))
    if frame.f_code.co_name == "catches":
        return None
    if frame.f_code.co_name == "steps":
        frame.f_trace_lines = False
    return only_steps


def both():
    catches()
    return steps(1)


run_traced(both, hook=only_steps)


# A tracer that raises is switched off and its exception comes out where the event happened.
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer broke")
    return bad


try:
    run_traced(steps, 1, hook=bad)
except RuntimeError as e:
    print("tracer error:", e, sys.gettrace())

# The frame a trace function gets is the frame itself: the same object at every event, with its
# locals as they are at that event.
seen = {}


def watch(frame, event, arg):
    if frame.f_code.co_name == "steps":
        seen.setdefault("frames", set()).add(id(frame))
        if event == "return":
            seen["locals"] = sorted(frame.f_locals.items())
    return watch


run_traced(steps, 3, hook=watch)
print("one frame object:", len(seen["frames"]), seen["locals"])

# setprofile: calls and returns of Python functions.
calls = []


def profiler(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name in ("steps", "both", "catches", "fails"):
        calls.append((event, frame.f_code.co_name))


sys.setprofile(profiler)
both()
sys.setprofile(None)
print("profile:", calls)

# threading.settrace: threads started afterwards trace from their first frame.
thread_events = []


def thread_tracer(frame, event, arg):
    if frame.f_code.co_name == "steps":
        thread_events.append((event, frame.f_lineno))
    return thread_tracer


threading.settrace(thread_tracer)
t = threading.Thread(target=steps, args=(1,))
t.start()
t.join()
threading.settrace(None)
print("thread:", thread_events)

# The trace module counts lines with these hooks.
import trace

tracer_module = trace.Trace(count=1, trace=0)
tracer_module.runfunc(steps, 3)
counts = tracer_module.results().counts
print("trace counts:", sorted((line, n) for (filename, line), n in counts.items() if filename == __file__))
