# __length_hint__ of the built-in iterators (list, reversed list, tuple, str, range, dict and its
# views, reversed sequences, old-style __getitem__ iteration) as it counts down, after the container
# changes, and through operator.length_hint.
import operator


def countdown(it):
    hints = [it.__length_hint__()]
    for _ in it:
        hints.append(it.__length_hint__())
    return hints


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i

    def __len__(self):
        return 4


class NoLen:
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i


d = {"a": 1, "b": 2, "c": 3}
for make in (lambda: iter([1, 2, 3]), lambda: reversed([1, 2, 3]), lambda: iter((1, 2)), lambda: iter("abc"),
             lambda: iter("héllo wörld"), lambda: iter(range(5)), lambda: iter(range(10, 0, -3)), lambda: iter(d),
             lambda: iter(d.values()), lambda: iter(d.items()), lambda: reversed(d), lambda: reversed(d.items()),
             lambda: reversed("xyz"), lambda: reversed((1, 2)), lambda: iter(Seq()), lambda: iter([])):
    print(countdown(make()), operator.length_hint(make()))

print(iter(NoLen()).__length_hint__(), operator.length_hint(iter(NoLen()), 7))
lst = [1, 2, 3, 4]
it = iter(lst)
next(it)
lst.append(5)
print(it.__length_hint__())
del lst[:]
print(it.__length_hint__())
lst = [1, 2, 3]
rit = reversed(lst)
lst.pop()
print(rit.__length_hint__(), list(rit))
dd = {1: 1}
dit = iter(dd)
dd[2] = 2
print(dit.__length_hint__())
try:
    iter([]).__length_hint__(1)
except TypeError as e:
    print(e)
print(operator.length_hint(iter(range(2**40))))


class Raises:
    def __init__(self, exc):
        self.exc = exc

    def __length_hint__(self):
        raise self.exc


print(operator.length_hint(Raises(TypeError), 12))
try:
    operator.length_hint(Raises(LookupError), 12)
except LookupError:
    print("LookupError propagates")
