# __del__ runs when an object's count reaches zero (CPython's order for containers' items), once
# per object even when it brings itself back to life; an exception in it is reported and ignored.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("a")
del a
print("after del a")

b = Noisy("b")
b = Noisy("b2")
print("after rebinding b")
del b


def scope():
    x = Noisy("local")
    print("leaving scope")


scope()
print("after scope")

items = [Noisy(str(i)) for i in range(3)]
items.pop(1)
print("popped")
items.clear()
print("cleared")


class Holder:
    value = Noisy("class attr")


Holder.value = None
print("replaced class attr")

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


p = Phoenix()
del p
print("resurrected:", len(saved), type(saved[0]).__name__)
saved.clear()
print("second death: no second __del__")


class Sub(Noisy):
    pass


s = Sub("sub")
del s


class Bad:
    def __del__(self):
        try:
            1 / 0
        except ZeroDivisionError as e:
            print("caught in __del__:", e)


Bad()
print("tmp done")


def make_cycle_free_chain():
    first = Noisy("outer")
    first.inner = Noisy("inner")
    return first


c = make_cycle_free_chain()
del c
print("chain gone")
print("refcount", sys.getrefcount(Noisy("r")))


# An exception escaping __del__ goes to sys.stderr as "Exception ignored in: <function ...>" and a
# traceback, and the program goes on. (The address is cut out here: it differs from run to run.)
class Raiser:
    def __del__(self):
        raise ValueError("from __del__")


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


saved_stderr = sys.stderr
sys.stderr = Capture()
Raiser()
captured = "".join(sys.stderr.parts)
sys.stderr = saved_stderr
lines = captured.splitlines()
first = lines[0]
at = first.find(" at 0x")
print(first[:at] + ">" if at >= 0 else first)
print(lines[1])
print(lines[-1])
print("still running")
print("end")
