# sys.settrace around iteration, against CPython 3.11's events: a `for` loop (or comprehension) over a
# class whose __next__ raises StopIteration reports that exception in __next__ ('exception', then
# 'return' None) and again in the looping frame; a generator that returns a value to a `for` loop
# reports StopIteration(value) there, one that returns None nothing; next() with a default, list(),
# unpacking and star-expansion swallow it in C (only __next__ hears of it); a trace function that
# raises on that event is switched off and the loop ends as usual (CPython's FOR_ITER clears it).
import sys

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        print(name, event, frame.f_lineno, arg[0].__name__, arg[1].args)
    elif event == "return":
        print(name, event, frame.f_lineno, repr(arg) if not isinstance(arg, It) else "It")
    else:
        print(name, event, frame.f_lineno)
    return tracer

class It:
    def __init__(self, n, value=None):
        self.i = 0
        self.n = n
        self.value = value
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            if self.value is None:
                raise StopIteration
            raise StopIteration(self.value)
        self.i += 1
        return self.i

def gen(n, result=None):
    for i in range(n):
        yield i
    return result

def loops():
    for x in It(2):
        pass
    for y in gen(1):
        pass
    for z in gen(1, "done"):
        pass
    for w in It(0, "v"):
        pass
    else:
        w = "else"
    return w

def swallowed():
    print(next(It(0), "default"))
    print(next(gen(0, 5), "default2"))
    print(list(It(1)), [*It(1)], sum(gen(2)))
    a, = It(1)
    print(tuple(x for x in It(1)))
    return a

def comprehensions():
    return [a for a in It(1)], {b for b in gen(1, "r")}, {c: c for c in It(1)}

def nested_break():
    out = []
    for i in It(3):
        for j in It(2):
            if j == 2:
                break
            out.append((i, j))
    return out

sys.settrace(tracer)
loops()
swallowed()
comprehensions()
nested_break()
sys.settrace(None)

# A trace function that raises on the loop's StopIteration: switched off, its exception dropped.
def raising_tracer(frame, event, arg):
    if event == "exception" and frame.f_code.co_name == "looping":
        raise KeyError("from tracer")
    return raising_tracer

def looping():
    for x in It(1):
        pass
    return "finished"

sys.settrace(raising_tracer)
try:
    print(looping())
except KeyError as e:
    print("KeyError", e)
print(sys.gettrace())
sys.settrace(None)
