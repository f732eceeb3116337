# code.replace(co_names=...): the names the instructions index, replaced; the interpreter's caches
# are sized on the code's first run, so a longer tuple than the source's works.
SCALE = 3
Y = 40


def reads():
    return SCALE


renamed = reads.__code__.replace(co_names=("Y",))
print(type(reads)(renamed, globals())(), renamed.co_names)
extended = reads.__code__.replace(co_names=("SCALE", "Y", "print", "len"))
print(type(reads)(extended, globals())(), extended.co_names)


class Box:
    def __init__(self):
        self.width = 2
        self.height = 5

    def area(self):
        return self.width * self.height


area = Box.area.__code__
print(area.co_names)
swapped = area.replace(co_names=("height", "width"))
print(type(reads)(swapped, globals())(Box()))
for bad in (["SCALE"], ("SCALE", 1)):
    try:
        reads.__code__.replace(co_names=bad)
    except (TypeError, SystemError) as e:
        print(type(e).__name__, e)

# types.FunctionType(code, globals, name=None, argdefs=None, closure=None), as CPython 3.11.
import types


def outer():
    k = 5

    def inner(a, b=2):
        return a + b + k

    return inner


inner = outer()
made = types.FunctionType(inner.__code__, globals(), "renamed", (10,), inner.__closure__)
print(made.__name__, made.__qualname__, made(1), made(1, 1), made.__defaults__, made.__module__)
plain = types.FunctionType(reads.__code__, {"SCALE": 7})
print(plain(), plain.__name__, plain.__module__, plain.__globals__)
print(types.FunctionType(code=reads.__code__, globals={"SCALE": 8})())
for args in (
    (1, {}),
    (reads.__code__, 1),
    (reads.__code__, {}, 3),
    (reads.__code__, {}, None, [1]),
    (reads.__code__, {}, None, None, (1,)),
    (inner.__code__, {}),
    (inner.__code__, {}, None, None, [1]),
    (inner.__code__, {}, None, None, ()),
    (inner.__code__, {}, None, None, (1,)),
    (reads.__code__,),
):
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
