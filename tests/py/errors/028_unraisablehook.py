# sys.unraisablehook: what a __del__ or a collected generator raises goes to it as an
# UnraisableHookArgs (exc_type, exc_value, exc_traceback, err_msg, object); a hook that raises is
# reported on stderr naming the hook; sys.__unraisablehook__ is the default.
import sys

print(sys.unraisablehook is sys.__unraisablehook__)
seen = []


def hook(u):
    seen.append(u)


sys.unraisablehook = hook


class Leaker:
    def __del__(self):
        raise RuntimeError("del failed")


Leaker()
u = seen.pop()
print(type(u).__name__, u.exc_type, repr(u.exc_value), u.err_msg, u.object is Leaker.__del__)
print(u.exc_traceback is not None, len(u), u[0] is RuntimeError)


def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            pass


g = stubborn()
next(g)
del g
u = seen.pop()
print(u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__)


class NamedHook:
    def __repr__(self):
        return "<the hook>"

    def __call__(self, u):
        raise ValueError("hook failed")


sys.unraisablehook = NamedHook()
Leaker()
sys.stderr.flush()
sys.unraisablehook = sys.__unraisablehook__
try:
    sys.unraisablehook(1)
except TypeError as e:
    print(e)
print(seen)
