# A traceback's tb_frame is the frame's own object: the same object sys._getframe() gives, reading
# the line the frame is at while it runs and keeping its locals (free variables too) once it ends.
# frame.clear() refuses a frame still running and lets go of the locals a finished one kept.
import gc
import sys
import weakref


def outer(**kwargs):
    x = 5

    def inner():
        z = x + 2
        1 / 0

    try:
        inner()
    except ZeroDivisionError as e:
        return e


class C:
    pass


def frames_of(exc):
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


frames = frames_of(outer(y=1))
print([f.f_code.co_name for f in frames])
print(sorted(frames[0].f_locals), frames[1].f_locals)

c = C()
ref = weakref.ref(c)
exc = outer(c=c)
del c
gc.collect()
print("kept by the frame:", ref() is not None)
for f in frames_of(exc):
    f.clear()
gc.collect()
print("after clear():", ref())


def running():
    try:
        1 / 0
    except ZeroDivisionError as e:
        f = e.__traceback__.tb_frame
    print(f is sys._getframe(), f.f_lineno - running.__code__.co_firstlineno)
    for frame in (f, f.f_back):
        try:
            frame.clear()
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(f.f_lineno - running.__code__.co_firstlineno)


running()


def gen():
    try:
        1 / 0
    except ZeroDivisionError as e:
        f = e.__traceback__.tb_frame
        try:
            f.clear()
        except RuntimeError as e:
            print("generator:", e)
        yield f
    finally:
        print("generator closed")


g = gen()
f = next(g)
f.clear()
print(g.gi_frame)


# A frame an exception left reports the line the exception passed through last, not the clean-up
# code that re-raised it.
class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def in_except():
    try:
        1 / 0
    except:
        1 / 0
        pass


def in_with():
    with Noop():
        1 / 0
        pass


def in_finally():
    try:
        1 / 0
    finally:
        x = 1


def no_clause_matches():
    try:
        1 / 0
    except TypeError:
        pass


for func in (in_except, in_with, in_finally, no_clause_matches):
    try:
        func()
    except ZeroDivisionError as e:
        frame = e.__traceback__.tb_next.tb_frame
        print(func.__name__, frame.f_lineno - func.__code__.co_firstlineno)
