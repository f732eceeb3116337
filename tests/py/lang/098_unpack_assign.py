# Assignments that unpack: `a, b = x, y` stores without building a tuple (CPython's order: distinct
# fast locals right to left, anything else left to right), and `a, b, c = t` into fast locals stores
# an exact tuple's or list's items at once. What a finalizer of the replaced values sees, errors,
# tracing and every kind of right-hand side.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def swap_order():
    a, b = Noisy("a1"), Noisy("b1")
    print("two locals, replaced:")
    a, b = Noisy("a2"), Noisy("b2")
    c, d, e = Noisy("c1"), Noisy("d1"), Noisy("e1")
    print("three locals, replaced:")
    c, d, e = Noisy("c2"), Noisy("d2"), Noisy("e2")
    print("one:")
    (c,) = (Noisy("c3"),)
    print("end of function")


swap_order()


class Holder:
    pass


def mixed_targets():
    h = Holder()
    h.x, b = Noisy("hx1"), Noisy("b1")
    print("attribute and local, replaced:")
    h.x, b = Noisy("hx2"), Noisy("b2")
    items = [None, None]
    items[0], items[1] = Noisy("i0"), Noisy("i1")
    print("subscripts, replaced:")
    items[1], items[0] = 1, 2
    print(items)


mixed_targets()


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def swap(x, y):
    x, y = y, x
    return x, y


def rotate(x, y, z):
    x, y, z = y, z, x
    return x, y, z


print(fib(30), swap(1, "two"), rotate(1, 2, 3))


def from_sequences(t):
    a, b, c = t
    return a, b, c


for seq in [(1, 2, 3), [4, 5, 6], "xyz", range(3), iter([7, 8, 9]), {10: 0, 11: 0, 12: 0}, b"abc"]:
    print(type(seq).__name__, from_sequences(seq))


class MyTuple(tuple):
    def __iter__(self):
        return iter(("overridden", "iter", "used"))


class MyList(list):
    pass


print(from_sequences(MyTuple((1, 2, 3))), from_sequences(MyList([1, 2, 3])))

for bad in [(1, 2), [1, 2, 3, 4], "ab", 5, None, iter([1])]:
    try:
        from_sequences(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def replaced_by_unpack():
    a, b = Noisy("old a"), Noisy("old b")
    t = (Noisy("new a"), Noisy("new b"))
    print("unpacking a tuple:")
    a, b = t
    del t
    print("unpacking a list:")
    a, b = [Noisy("list a"), Noisy("list b")]
    print("end of function")


replaced_by_unpack()


def lines():
    t = (1, 2)
    a, b = t
    a, b = b, a
    return a + b


events = []


def tracer(frame, event, arg):
    if frame.f_code is lines.__code__:
        events.append((event, frame.f_lineno - lines.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
result = lines()
sys.settrace(None)
print(result, events)

# At module level the names are globals: stored in order, as CPython's STORE_NAMEs.
g1, g2 = "first", "second"
g1, g2 = g2, g1
print(g1, g2)
x, y, z = [1, 2, 3]
print(x, y, z)
