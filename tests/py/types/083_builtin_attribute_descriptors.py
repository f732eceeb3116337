# The attributes built-in types compute show in their dicts as descriptors (dir(), unittest.mock's
# spec= lists them), work through classes derived from those types, and refuse assignment with
# CPython's messages; a class may override __class__ (Mock(spec=C) claims to be a C, and isinstance
# believes it).
import types


# minipy's code objects have no co_linetable or co_exceptiontable (CPython's bytecode formats):
# left out here.
MISSING = {"co_linetable", "co_exceptiontable"}


def show_dir(label, t, prefix):
    print(label, sorted(n for n in dir(t) if n.startswith(prefix) and n not in MISSING))


show_dir("code", types.CodeType, "co_")
show_dir("frame", types.FrameType, "f_")
show_dir("traceback", types.TracebackType, "tb_")
for t, names in [(types.MethodType, ["__func__", "__self__"]), (types.CellType, ["cell_contents"]),
                 (slice, ["start", "stop", "step"]), (int, ["real", "imag", "numerator", "denominator"]),
                 (float, ["real", "imag"]), (complex, ["real", "imag"]),
                 (super, ["__thisclass__", "__self__", "__self_class__"]),
                 (staticmethod, ["__func__", "__wrapped__", "__isabstractmethod__"]),
                 (BaseException, ["args", "__cause__", "__context__", "__suppress_context__", "__traceback__"]),
                 (OSError, ["errno", "strerror", "filename", "filename2"]), (StopIteration, ["value"]),
                 (SystemExit, ["code"]), (ImportError, ["msg", "name", "path"]),
                 (SyntaxError, ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset"])]:
    print(t.__name__, [n in dir(t) for n in names], [type(t.__dict__[n]).__name__ for n in names if n in t.__dict__])
print(types.FrameType.f_lineno, types.CodeType.co_flags, int.real, BaseException.args)


# Through a derived class: the descriptor reads the base's own slot.
class MyInt(int):
    pass


class MyError(OSError):
    pass


class MyProperty(property):
    pass


class Stop(StopIteration):
    pass


print(MyInt(5).real, MyInt(5).numerator, MyInt(5).denominator, MyInt(5).imag, int.real.__get__(MyInt(7)))
e = MyError(2, "nope")
print(e.args, e.errno, e.strerror, e.filename, e.__traceback__, e.__cause__, str(e))
e.errno = 5
e.filename = "f.txt"
e.__cause__ = ValueError("why")
print(e.errno, e.filename, repr(e.__cause__), e.__suppress_context__)
print(MyProperty(lambda self: 1).fget.__name__, MyProperty(lambda self: 1).fset, Stop(3).value)


def reader():
    x = 1

    def inner():
        return x
    return inner


print(reader().__closure__[0].cell_contents, slice(1, 9, 2).stop)

# Writes: not writable (a computed attribute), read-only (a method), no such attribute.
for target, name in [(1, "real"), (MyInt(1), "real"), (1, "bit_length"), (1, "nothing"), ("s", "upper"),
                     (slice(1), "start"), (e, "args")]:
    for action in ("set", "del"):
        try:
            if action == "set":
                setattr(target, name, 3)
            else:
                delattr(target, name)
            print(action, type(target).__name__, name, "ok")
        except (AttributeError, TypeError) as err:
            print(action, type(target).__name__, name, type(err).__name__, err)
try:
    types.CodeType.co_flags.__get__(1)
except TypeError as err:
    print(err)


# __class__ overridden by a class: reads, isinstance, assignment through a property's setter.
class Claims:
    _claimed = int

    @property
    def __class__(self):
        return self._claimed

    @__class__.setter
    def __class__(self, value):
        self._claimed = value


c = Claims()
print(c.__class__, type(c).__name__, isinstance(c, int), isinstance(c, Claims), isinstance(c, (str, int)))
c.__class__ = str
print(c.__class__, isinstance(c, str), isinstance(c, int), type(c).__name__)


class PlainAttribute:
    __class__ = float


p = PlainAttribute()
print(p.__class__, isinstance(p, float), isinstance(p, PlainAttribute))
p.__class__ = bool  # a plain class attribute: the instance dict takes the assignment
print(p.__class__, vars(p), type(p).__name__)


class Normal:
    pass


class Other:
    pass


n = Normal()
n.__class__ = Other
print(type(n).__name__, n.__class__.__name__, isinstance(n, Normal))

from unittest import mock
import asyncio
loop = asyncio.new_event_loop()
future = loop.create_future()
spec_mock = mock.Mock(type(future))
print(spec_mock.__class__ is type(future), isinstance(spec_mock, asyncio.Future), asyncio.isfuture(spec_mock))
print(asyncio.iscoroutinefunction(mock.Mock()), asyncio.iscoroutinefunction(mock.AsyncMock()))
loop.close()
