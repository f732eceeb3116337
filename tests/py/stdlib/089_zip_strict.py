# zip(strict=True) raises ValueError, with CPython's texts, when its iterables differ in length, and
# keeps the flag through pickling.
import pickle

print(list(zip("abc", range(3), strict=True)))
print(list(zip(strict=True)), list(zip("ab", "cd", strict=False)))
for args in (("ab", "abc"), ("abc", "ab"), ("ab", "ab", "a"), ("ab", "ab", "abc"), ("", "a")):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    zip("a", bad=True)
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield 1
    raise RuntimeError("boom")


try:
    list(zip([1, 2], gen(), strict=True))
except RuntimeError as e:
    print("RuntimeError:", e)
z = zip("ab", "ab", strict=True)
print(z.__reduce__()[2:], zip("ab", "cd").__reduce__()[2:])
z2 = pickle.loads(pickle.dumps(zip("ab", "abc", strict=True)))
try:
    list(z2)
except ValueError as e:
    print("ValueError after pickling:", e)
z3 = zip("a", "ab")
z3.__setstate__(True)
try:
    list(z3)
except ValueError as e:
    print("ValueError after __setstate__:", e)
