# functools.reduce and functools.cmp_to_key come from the native _functools, as in CPython: the same
# results, KeyWrapper objects, and the same errors.
import _functools
import collections.abc
import functools
import operator

print(functools.reduce is _functools.reduce, functools.cmp_to_key is _functools.cmp_to_key)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.add, [], 10),
      functools.reduce(lambda a, b: a * b, range(1, 8), 1), functools.reduce(operator.add, "abc"))
print(functools.reduce(operator.add, iter([[1], [2]])), functools.reduce(max, [5], 0))
for bad in [lambda: functools.reduce(operator.add, []), lambda: functools.reduce(operator.add, 5),
            lambda: functools.reduce(operator.add), lambda: functools.reduce(1, [1, 2]),
            lambda: functools.reduce(operator.add, [1], 2, 3), lambda: functools.reduce(operator.add, [1, "a"])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)


def cmp(a, b):
    return (a > b) - (a < b)


K = functools.cmp_to_key(cmp)
print(type(K).__name__, type(K).__module__, type(K(1)) is type(K))
print(K(3) == K(3), K(3) > K(1), K(1) <= K(1), K(2) != K(3), K(obj=4).obj)
print(sorted([5, 2, 9, 1], key=functools.cmp_to_key(lambda a, b: b - a)), sorted("bca", key=K))
k = K(10)
k.obj = 20
print(k.obj, isinstance(k, collections.abc.Hashable), type(K).__hash__)
for bad in [lambda: hash(K(1)), lambda: K(1) < 1, lambda: functools.cmp_to_key(), lambda: K(),
            lambda: K(1, 2), lambda: functools.cmp_to_key(cmp, None), lambda: type(K)(),
            lambda: functools.cmp_to_key(lambda a, b: 1 / 0)(1) < functools.cmp_to_key(cmp)(2),
            lambda: functools.cmp_to_key(None)(1) < functools.cmp_to_key(None)(2), lambda: K.obj]:
    try:
        print(bad())
    except (TypeError, ZeroDivisionError, AttributeError) as e:
        print(type(e).__name__, e)
