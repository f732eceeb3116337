# Found by MicroPython's tests/basics: list.__init__ on a list that has items empties it first and
# uses list's own extend (a subclass's is not called), dict.__init__ adds through dict's own update;
# a function's __globals__, __closure__ and __builtins__ are read-only and its __dict__ can be
# replaced by a dict only; a slot wrapper called on the wrong object words its error as CPython's.
class L(list):
    def extend(self, x):
        print("L.extend called")
        list.extend(self, x)

    def reinit(self):
        super().__init__(range(2))


a = L(range(5))
print(a)
a.reinit()
print(a)
a = [1, 2, 3]
list.__init__(a)
print(a)


class D(dict):
    def update(self, *args, **kwargs):
        print("D.update called")


d = D({1: 2}, x=3)
print(d)
dict.__init__(d, [(5, 6)], y=7)
print(d)
s = {1, 2}
set.__init__(s, [5])
print(s)
b = bytearray(b"abc")
bytearray.__init__(b, b"x")
print(b)

for f in (lambda: list.__init__([], 1, 2), lambda: list.__init__([], x=1), lambda: dict.__init__({}, 1, 2),
          lambda: list.__init__(5), lambda: object.__init__(), lambda: list.append(), lambda: list.append(5, 1),
          lambda: int.__add__("a", 1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


def foo():
    pass


for name in ("__globals__", "__closure__", "__builtins__", "__dict__"):
    for value in (None, {}):
        try:
            setattr(foo, name, value)
            print(name, "set")
        except (AttributeError, TypeError) as e:
            print(name, type(e).__name__, e)
    try:
        delattr(foo, name)
        print(name, "deleted")
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
namespace = {"x": 1}
foo.__dict__ = namespace
foo.y = 2
print(foo.x, foo.__dict__ is namespace, namespace)
